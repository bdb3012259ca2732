/** The desktop monitor's entry point and composition root. */
@NullMarked
package io.tickscope.desktop;

import org.jspecify.annotations.NullMarked;
