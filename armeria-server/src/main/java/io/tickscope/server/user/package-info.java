/** Users of the shop and their customer segments. */
@NullMarked
package io.tickscope.server.user;

import org.jspecify.annotations.NullMarked;
