@NullMarked
package io.tickscope.server.security;

import org.jspecify.annotations.NullMarked;
