/** The gRPC adapters: thin services that validate requests, call the domain and map results to the contract. */
@NullMarked
package io.tickscope.server.grpc;

import org.jspecify.annotations.NullMarked;
