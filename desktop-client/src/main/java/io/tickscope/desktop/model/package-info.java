/**
 * What the views show and the clients return, as plain records and enums: quotes, ticks, lookups and their
 * results, books, recommendations, segments, categories and actions. Free of gRPC and JavaFX, so that views,
 * view-models and tests share one vocabulary; the rpc package maps the contract's messages to it.
 */
@NullMarked
package io.tickscope.desktop.model;

import org.jspecify.annotations.NullMarked;
