/** The desktop monitor's entry point; the app package composes it. */
@NullMarked
package io.tickscope.desktop;

import org.jspecify.annotations.NullMarked;
