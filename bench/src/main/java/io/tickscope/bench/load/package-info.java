/** Load generators: sequential and closed-loop runs for latency and throughput, open-loop runs at a fixed rate. */
@NullMarked
package io.tickscope.bench.load;

import org.jspecify.annotations.NullMarked;
