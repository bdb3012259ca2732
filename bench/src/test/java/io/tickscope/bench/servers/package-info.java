@NullMarked
package io.tickscope.bench.servers;

import org.jspecify.annotations.NullMarked;
