/** Books: the catalogue, ratings and the recommender. */
@NullMarked
package io.tickscope.server.recommendation;

import org.jspecify.annotations.NullMarked;
