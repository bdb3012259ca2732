/** The server's backend: the database and the domain objects built over it, opened and closed together. */
@NullMarked
package io.tickscope.server.backend;

import org.jspecify.annotations.NullMarked;
