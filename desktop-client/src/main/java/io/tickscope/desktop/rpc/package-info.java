/**
 * Thin clients over the generated stubs: they take the application's one channel, never own it, and turn
 * calls into futures and plain listeners so that view-models never see a {@code StreamObserver}.
 */
@NullMarked
package io.tickscope.desktop.rpc;

import org.jspecify.annotations.NullMarked;
