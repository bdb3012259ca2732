/**
 * Runs that end with a verdict instead of a user: the smoke test ({@code --smoke-test}), the screenshots
 * ({@code --screenshot-dir}), the driver both use to work the views, and the exit code they leave.
 */
@NullMarked
package io.tickscope.desktop.launch;

import org.jspecify.annotations.NullMarked;
