@NullMarked
package io.tickscope.desktop.explorer;

import org.jspecify.annotations.NullMarked;
