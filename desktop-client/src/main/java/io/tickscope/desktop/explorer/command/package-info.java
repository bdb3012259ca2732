/**
 * Copy as: a composed call as a {@code grpcurl}, {@code buf curl} or (for methods with a REST route) {@code curl}
 * command line, quoted for a POSIX shell. No gRPC, no JavaFX.
 */
@NullMarked
package io.tickscope.desktop.explorer.command;

import org.jspecify.annotations.NullMarked;
