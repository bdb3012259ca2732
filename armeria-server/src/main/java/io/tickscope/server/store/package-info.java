/**
 * The database, the embedded SQLite file or a shared PostgreSQL: schema migrations per engine, deterministic seed
 * data, the stores over it, and on PostgreSQL the follower that brings other replicas' rating changes in.
 */
@NullMarked
package io.tickscope.server.store;

import org.jspecify.annotations.NullMarked;
