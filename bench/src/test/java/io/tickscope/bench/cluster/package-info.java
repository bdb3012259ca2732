@NullMarked
package io.tickscope.bench.cluster;

import org.jspecify.annotations.NullMarked;
