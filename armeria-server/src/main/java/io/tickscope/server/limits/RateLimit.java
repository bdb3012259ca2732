package io.tickscope.server.limits;

/**
 * How many calls one client may start: a token bucket that holds {@code burst} calls and refills at
 * {@code callsPerSecond}. A client past it gets RESOURCE_EXHAUSTED until the bucket refills.
 *
 * @param callsPerSecond the sustained rate per client; 0 turns the limit off
 * @param burst how many calls a client may start at once after a quiet spell; at least 1 when the limit is on
 */
public record RateLimit(long callsPerSecond, long burst) {

    /** No limit: every client may start as many calls as it likes. */
    public static final RateLimit UNLIMITED = new RateLimit(0, 0);

    /**
     * The headless server's default: room for the desktop's largest batch comparison (one batch of 1,000 beside
     * the same 1,000 as sequential and as concurrent unary calls) in one burst, far below what a flood sends.
     */
    public static final long HEADLESS_CALLS_PER_SECOND = 5_000;

    public RateLimit {
        if (callsPerSecond < 0) {
            throw new IllegalArgumentException("callsPerSecond: " + callsPerSecond + " (expected: >= 0)");
        }
        if (callsPerSecond > 0 && burst < 1) {
            throw new IllegalArgumentException("burst: " + burst + " (expected: >= 1 when the limit is on)");
        }
    }

    /** Returns a limit of {@code callsPerSecond} with a burst of one second's worth of calls. */
    public static RateLimit perSecond(long callsPerSecond) {
        return callsPerSecond == 0 ? UNLIMITED : new RateLimit(callsPerSecond, callsPerSecond);
    }

    public boolean isUnlimited() {
        return callsPerSecond == 0;
    }
}
