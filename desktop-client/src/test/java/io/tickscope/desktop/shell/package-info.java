@NullMarked
package io.tickscope.desktop.shell;

import org.jspecify.annotations.NullMarked;
