/** The desktop's one balanced channel against a cluster of replica processes: restarts it must not notice. */
@NullMarked
package io.tickscope.desktop.cluster;

import org.jspecify.annotations.NullMarked;
