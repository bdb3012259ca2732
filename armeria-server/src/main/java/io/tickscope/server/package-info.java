/** The server's entry point and the one place where every service is wired. */
@NullMarked
package io.tickscope.server;

import org.jspecify.annotations.NullMarked;
