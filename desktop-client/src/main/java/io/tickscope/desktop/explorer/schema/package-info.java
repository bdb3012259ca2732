/**
 * What the Explorer knows about a server's contract, from protobuf descriptors only (no gRPC, no JavaFX): the
 * catalogue of services and methods, request templates, request validation with the bad field named, HTTP
 * routes of {@code google.api.http}, and the drift between a server's contract and the one the app was built with.
 */
@NullMarked
package io.tickscope.desktop.explorer.schema;

import org.jspecify.annotations.NullMarked;
