/**
 * The main window around the views: the view contract every tab implements, the menu bar, the status bar
 * and the Connect dialog.
 */
@NullMarked
package io.tickscope.desktop.shell;

import org.jspecify.annotations.NullMarked;
