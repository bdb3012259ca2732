/** Prices: the price book, the market simulator and the bus that fans price changes out to watchers. */
@NullMarked
package io.tickscope.server.pricing;

import org.jspecify.annotations.NullMarked;
