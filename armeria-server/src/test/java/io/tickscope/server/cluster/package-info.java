/** Tests of the cluster's price journal and market lease against real NATS servers. */
@NullMarked
package io.tickscope.server.cluster;

import org.jspecify.annotations.NullMarked;
