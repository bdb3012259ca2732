/**
 * Batch lookup: N products priced by one GetPricesBatch call, beside the same lookup as N GetPrice calls one
 * after another and all at once, with the wall time and bytes of each way.
 */
@NullMarked
package io.tickscope.desktop.batch;

import org.jspecify.annotations.NullMarked;
