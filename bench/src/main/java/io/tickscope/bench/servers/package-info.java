/** The systems under test and the tools around them: Tickscope on Armeria, the same service on plain grpc-java, a raw TCP echo and a byte-counting proxy. */
@NullMarked
package io.tickscope.bench.servers;

import org.jspecify.annotations.NullMarked;
