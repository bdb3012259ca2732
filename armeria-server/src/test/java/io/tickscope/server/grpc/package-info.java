@NullMarked
package io.tickscope.server.grpc;

import org.jspecify.annotations.NullMarked;
