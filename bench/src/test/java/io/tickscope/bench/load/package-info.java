@NullMarked
package io.tickscope.bench.load;

import org.jspecify.annotations.NullMarked;
