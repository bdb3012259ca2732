/** How fast stored price history answers: a year of minute bars, from the store and over gRPC. */
@NullMarked
package io.tickscope.bench.history;

import org.jspecify.annotations.NullMarked;
