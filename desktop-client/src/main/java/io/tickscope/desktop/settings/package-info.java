/** What the monitor remembers between runs, and the file it keeps it in. */
@NullMarked
package io.tickscope.desktop.settings;

import org.jspecify.annotations.NullMarked;
