/**
 * Helpers the server's tests share; the test-jar brings them to the desktop client's tests too: the server in a
 * process of its own, a clock a test moves, observers that record a call, and PostgreSQL databases: a fresh one
 * on the machine's server or a private server a test may stop.
 */
@NullMarked
package io.tickscope.server.testing;

import org.jspecify.annotations.NullMarked;
