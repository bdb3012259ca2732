/** The benchmark harness: runs every scenario against real servers on loopback and reports one table. */
@NullMarked
package io.tickscope.bench;

import org.jspecify.annotations.NullMarked;
