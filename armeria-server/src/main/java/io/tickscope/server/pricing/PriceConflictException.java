package io.tickscope.server.pricing;

/**
 * Another writer recorded a product's next change first; the change built on the older state was not recorded.
 */
public final class PriceConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PriceConflictException(String message) {
        super(message);
    }
}
