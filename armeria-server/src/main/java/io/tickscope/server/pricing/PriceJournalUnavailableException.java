package io.tickscope.server.pricing;

/** A price change could not be recorded in the {@link PriceJournal}: its broker is unreachable, for example. */
public final class PriceJournalUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PriceJournalUnavailableException(String message) {
        super(message);
    }

    public PriceJournalUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
