/**
 * The Explorer's gRPC side: server reflection (v1, falling back to v1alpha) and calls of any method with
 * {@code DynamicMessage}s. What it hands the view-model is plain: records, listeners and futures.
 */
@NullMarked
package io.tickscope.desktop.explorer.call;

import org.jspecify.annotations.NullMarked;
