package io.tickscope.desktop.settings;

/** Where the main window was and how large, in screen coordinates. */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {

    /** The smallest window worth restoring; anything smaller was a mistake, not a choice. */
    static final double MIN_SIZE = 200;

    public WindowBounds {
        if (!(width >= MIN_SIZE && height >= MIN_SIZE) || !Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("window: " + x + "," + y + " " + width + "x" + height
                    + " (expected: finite position, size at least " + MIN_SIZE + ")");
        }
    }
}
