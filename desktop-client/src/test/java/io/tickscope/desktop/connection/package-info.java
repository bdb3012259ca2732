@NullMarked
package io.tickscope.desktop.connection;

import org.jspecify.annotations.NullMarked;
