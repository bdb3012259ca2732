/**
 * The composition root: the command line, the session (server, the one channel, the clients over it) and its
 * switch, the settings of the run, and the application that builds the window and runs the views over the
 * session.
 */
@NullMarked
package io.tickscope.desktop.app;

import org.jspecify.annotations.NullMarked;
