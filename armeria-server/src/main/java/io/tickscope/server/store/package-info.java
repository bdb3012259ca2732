/** The embedded SQLite database: schema migrations, deterministic seed data and the stores over it. */
@NullMarked
package io.tickscope.server.store;

import org.jspecify.annotations.NullMarked;
