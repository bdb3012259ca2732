/**
 * The Explorer view: call any method of any gRPC server. Its parts without gRPC or JavaFX live in
 * {@code schema} (descriptors, request templates and validation, HTTP routes, contract drift), {@code saved}
 * (environments, saved calls and history as JSON files) and {@code command} (copy as grpcurl, buf curl, curl);
 * {@code call} holds the gRPC side (server reflection, dynamic calls); this package holds the view and its
 * view-model.
 */
@NullMarked
package io.tickscope.desktop.explorer;

import org.jspecify.annotations.NullMarked;
