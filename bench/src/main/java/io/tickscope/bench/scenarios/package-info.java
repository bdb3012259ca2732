/** One class per measurement: each runs against servers it is given and adds its figures and targets to the report. */
@NullMarked
package io.tickscope.bench.scenarios;

import org.jspecify.annotations.NullMarked;
