/** The main window: tabs for the views and the status bar. */
@NullMarked
package io.tickscope.desktop.shell;

import org.jspecify.annotations.NullMarked;
