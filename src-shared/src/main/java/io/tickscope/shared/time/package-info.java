/** Instants and their conversion to and from the contract's {@code google.protobuf.Timestamp}. */
@NullMarked
package io.tickscope.shared.time;

import org.jspecify.annotations.NullMarked;
