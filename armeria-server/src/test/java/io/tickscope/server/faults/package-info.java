/** Fault tests: the server killed, stopped, restarted and starved, as separate processes and in-process. */
@NullMarked
package io.tickscope.server.faults;

import org.jspecify.annotations.NullMarked;
