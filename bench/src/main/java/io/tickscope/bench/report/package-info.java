/** What a run produces: the conditions, the measurements and the targets, as a table and as JSON. */
@NullMarked
package io.tickscope.bench.report;

import org.jspecify.annotations.NullMarked;
