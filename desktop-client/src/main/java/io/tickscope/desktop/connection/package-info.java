/** The one channel to the server: where it points, the embedded server, and the channel's state. */
@NullMarked
package io.tickscope.desktop.connection;

import org.jspecify.annotations.NullMarked;
