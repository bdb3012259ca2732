@NullMarked
package io.tickscope.bench.report;

import org.jspecify.annotations.NullMarked;
