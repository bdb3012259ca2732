/**
 * Several replicas of the server behind one address, on NATS JetStream: price changes go through one stream
 * that feeds every replica's price bus, and a key-value lease elects the one replica that runs the market.
 */
@NullMarked
package io.tickscope.server.cluster;

import org.jspecify.annotations.NullMarked;
