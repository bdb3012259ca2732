/** Calls the load generators make: GetPrice over gRPC (Armeria or grpc-java client), over REST/JSON and a raw TCP round trip. */
@NullMarked
package io.tickscope.bench.clients;

import org.jspecify.annotations.NullMarked;
