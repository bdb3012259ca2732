/**
 * The scale-out's costs, measured on real processes: servers launched as an operator runs them, against the
 * machine's NATS JetStream and PostgreSQL. What the broker hop adds to a price's delivery, how long watchers take
 * to resume after a replica is killed, and what a price change costs a replica fed by JetStream against one fed
 * in process.
 */
@NullMarked
package io.tickscope.bench.cluster;

import org.jspecify.annotations.NullMarked;
