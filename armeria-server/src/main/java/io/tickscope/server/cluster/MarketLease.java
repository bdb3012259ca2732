package io.tickscope.server.cluster;

import static java.util.Objects.requireNonNull;

import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.tickscope.server.pricing.PriceJournalUnavailableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The right to run the cluster's one market, held by at most one replica at a time: a key in a NATS key-value
 * bucket whose entries expire after {@link #TTL}.
 *
 * <p>A candidate creates the key with "expected last sequence 0", which only one candidate can do; the key's
 * revision then is the holder's <em>term</em>, which grows with every new holder. The holder renews the key
 * every {@link #RENEW_EVERY} with its last revision, which fails once another replica holds it. When the holder
 * dies, its key expires and a candidate, trying every {@link #CANDIDATE_EVERY}, takes over: within
 * {@code TTL + CANDIDATE_EVERY} of the last renewal.
 *
 * <p>The holder fences itself: it counts itself holder only until {@code TTL - SAFETY_MARGIN} after it
 * <em>sent</em> its last successful renewal. The broker expires the key {@code TTL} after it <em>stored</em> that
 * renewal, later still, so the old holder has stopped before anyone else can start, whatever the clocks say
 * (both intervals are measured on one side each, from events in the same order). {@link #marketSource()} is
 * asked before every market move, so a holder that cannot renew stops moving prices at once, even while its
 * lease thread is stuck in a call to an unreachable broker.
 */
final class MarketLease implements AutoCloseable {

    static final Duration TTL = Duration.ofSeconds(3);
    static final Duration RENEW_EVERY = Duration.ofMillis(500);
    static final Duration CANDIDATE_EVERY = Duration.ofMillis(250);
    /** How long before the broker could expire the key the holder stops: covers a market move in flight. */
    static final Duration SAFETY_MARGIN = Duration.ofMillis(1_500);

    private static final String KEY = "market";
    private static final Logger logger = LoggerFactory.getLogger(MarketLease.class);

    /** What a replica does when it becomes the market's holder and when it stops being it. */
    interface Listener {
        void acquired(long term);

        void lost(long term);
    }

    private final KeyValue bucket;
    private final String replicaId;
    private final Listener listener;
    private final ScheduledExecutorService leaseThread;

    /** The revision of this replica's last write of the key, 0 while it does not hold it; lease thread only. */
    private long revision;

    private long lastRenewalSentNanos;

    /** The term held, 0 when none; with {@link #validUntilNanos}, read by market moves on other threads. */
    private volatile long term;

    private volatile long validUntilNanos;

    MarketLease(KeyValue bucket, String replicaId, Listener listener) {
        this.bucket = requireNonNull(bucket, "bucket");
        this.replicaId = requireNonNull(replicaId, "replicaId");
        this.listener = requireNonNull(listener, "listener");
        leaseThread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "tickscope-market-lease");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts competing for the lease, and holding it once won. */
    void start() {
        leaseThread.scheduleWithFixedDelay(this::step, 0, CANDIDATE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Returns the term this replica holds now, 0 when it holds none. */
    long term() {
        return isValid() ? term : 0;
    }

    /**
     * Returns who makes a market move now, "REPLICA/TERM", for the move's message.
     *
     * @throws PriceJournalUnavailableException when this replica does not hold the lease, or not for long enough
     *     to make a move safely
     */
    String marketSource() {
        long held = term;
        if (held == 0 || !isValid()) {
            throw new PriceJournalUnavailableException("replica \"" + replicaId
                    + "\" does not hold the market lease (expected: only its holder moves prices)");
        }
        return replicaId + "/" + held;
    }

    private boolean isValid() {
        return System.nanoTime() - validUntilNanos < 0;
    }

    private void step() {
        try {
            if (revision == 0) {
                compete();
            } else {
                hold();
            }
        } catch (RuntimeException e) {
            // A periodic task that throws is never run again; the lease must keep being decided.
            logger.warn("The market lease step failed", e);
        }
    }

    private void compete() {
        long sentNanos = System.nanoTime();
        long created;
        try {
            created = bucket.create(KEY, replicaId.getBytes(StandardCharsets.UTF_8));
        } catch (JetStreamApiException e) {
            return; // Another replica holds it.
        } catch (IOException | IllegalStateException e) {
            return; // The broker is away; try again on the next step.
        }
        revision = created;
        lastRenewalSentNanos = sentNanos;
        validUntilNanos = sentNanos + TTL.minus(SAFETY_MARGIN).toNanos();
        term = created;
        logger.info("Replica {} holds the market lease, term {}", replicaId, created);
        listener.acquired(created);
    }

    private void hold() {
        long now = System.nanoTime();
        if (now - lastRenewalSentNanos >= RENEW_EVERY.toNanos()) {
            try {
                revision = bucket.update(KEY, replicaId.getBytes(StandardCharsets.UTF_8), revision);
                lastRenewalSentNanos = now;
                validUntilNanos = now + TTL.minus(SAFETY_MARGIN).toNanos();
            } catch (JetStreamApiException e) {
                // Wrong last sequence: the key expired and another replica created it.
                fence("another replica took the lease (" + e.getMessage() + ")");
                return;
            } catch (IOException | IllegalStateException e) {
                logger.debug("Renewing the market lease failed; retrying", e);
            }
        }
        if (!isValid()) {
            fence("it could not be renewed for " + TTL.minus(SAFETY_MARGIN).toMillis() + " ms");
        }
    }

    private void fence(String why) {
        long lostTerm = term;
        term = 0;
        validUntilNanos = System.nanoTime();
        revision = 0;
        logger.warn("Replica {} stops the market: its lease, term {}, is lost, as {}", replicaId, lostTerm, why);
        listener.lost(lostTerm);
    }

    /**
     * Stops competing; a holder stops its market and deletes the key, so that another replica takes over at once
     * rather than after the key expires.
     */
    @Override
    public void close() {
        leaseThread.shutdown();
        try {
            if (!leaseThread.awaitTermination(5, TimeUnit.SECONDS)) {
                logger.warn("The market lease thread did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long heldRevision = revision;
        if (heldRevision == 0) {
            return;
        }
        long heldTerm = term;
        term = 0;
        validUntilNanos = System.nanoTime();
        revision = 0;
        listener.lost(heldTerm);
        try {
            bucket.delete(KEY, heldRevision);
            logger.info("Replica {} handed the market lease back, term {}", replicaId, heldTerm);
        } catch (IOException | JetStreamApiException | IllegalStateException e) {
            logger.info("Replica {} could not hand the market lease back; it expires within {}", replicaId, TTL, e);
        }
    }
}
