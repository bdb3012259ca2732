package io.tickscope.server.cluster;

import static java.util.Objects.requireNonNull;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.PublishOptions;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import io.tickscope.server.pricing.PriceConflictException;
import io.tickscope.server.pricing.PriceJournal;
import io.tickscope.server.pricing.PriceJournalUnavailableException;
import io.tickscope.server.pricing.PriceUpdate;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's price journal: one JetStream stream with one subject per product, which keeps the latest change
 * of each product (see {@link PriceStream}).
 *
 * <h2>Per-product order without a single writer</h2>
 *
 * <p>A change carries its product's sequence number, one more than the change it builds on, and is published
 * with {@code Nats-Expected-Last-Subject-Sequence} set to the stream sequence of that change: JetStream stores it
 * only if no other change of the product came in between (0: only if the product has none yet). A replica that
 * loses such a race reads the product's latest change (a direct get), hands it to its book and throws
 * {@link PriceConflictException}; the book builds the change again on the newer state. So every product's
 * sequence numbers grow by exactly one per stored change, whichever replica wrote it, and every replica reports
 * the same number for the same change.
 *
 * <h2>Replay</h2>
 *
 * <p>Every replica reads the whole stream through an ordered push consumer (the client re-creates it after a
 * reconnect, from the last stream sequence it saw), first the latest change of every product, then every new
 * one, and hands each to its book, which ignores the ones it holds already (its own).
 */
final class JetStreamPriceJournal implements PriceJournal {

    static final String SOURCE_HEADER = "Tickscope-Source";
    static final String ORIGIN_HEADER = "Tickscope-Origin";

    private static final Duration REPLAY_TIMEOUT = Duration.ofSeconds(30);
    /** JetStream's error code for a publish whose expected last subject sequence was not the subject's last. */
    private static final int WRONG_LAST_SEQUENCE = 10071;
    /** JetStream's error code for a get of a subject without messages. */
    private static final int NO_MESSAGE_FOUND = 10037;

    private static final Logger logger = LoggerFactory.getLogger(JetStreamPriceJournal.class);

    private final ClusterSettings settings;
    private final Connection connection;
    private final JetStream jetStream;
    private final JetStreamManagement management;
    private final MarketLease marketLease;
    private final long incarnation;

    /** Per product, the latest change this journal knows to be stored: its sequence number and stream sequence. */
    private final Map<String, Stored> latestStored = new ConcurrentHashMap<>();

    private volatile @Nullable Consumer<PriceUpdate> replica;
    private @Nullable Dispatcher dispatcher;

    JetStreamPriceJournal(
            ClusterSettings settings,
            Connection connection,
            JetStream jetStream,
            JetStreamManagement management,
            MarketLease marketLease,
            long incarnation) {
        this.settings = requireNonNull(settings, "settings");
        this.connection = requireNonNull(connection, "connection");
        this.jetStream = requireNonNull(jetStream, "jetStream");
        this.management = requireNonNull(management, "management");
        this.marketLease = requireNonNull(marketLease, "marketLease");
        this.incarnation = incarnation;
    }

    @Override
    public long incarnation() {
        return incarnation;
    }

    @Override
    public boolean blocks() {
        return true;
    }

    @Override
    public void record(PriceUpdate update, Origin origin) {
        String source = origin == Origin.MARKET ? marketLease.marketSource() : settings.replicaId();
        String productId = update.productId();
        String subject = settings.priceSubject(productId);
        long expectedStreamSequence = expectedStreamSequence(update);
        Headers headers = new Headers().put(SOURCE_HEADER, source).put(ORIGIN_HEADER, origin.name());
        PublishOptions options = PublishOptions.builder()
                .expectedStream(settings.priceStream())
                .expectedLastSubjectSequence(expectedStreamSequence)
                .build();
        PublishAck ack;
        try {
            ack = jetStream.publish(subject, headers, PriceMessages.encode(update), options);
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() == WRONG_LAST_SEQUENCE) {
                catchUp(productId);
                throw new PriceConflictException("change " + update.sequenceNumber() + " of product \"" + productId
                        + "\": another replica stored the product's change first");
            }
            throw unavailable(productId, e);
        } catch (IOException | IllegalStateException e) {
            // IllegalStateException: the connection is down and jnats buffers nothing while it reconnects.
            throw unavailable(productId, e);
        }
        remember(productId, new Stored(update.sequenceNumber(), ack.getSeqno()));
    }

    /**
     * Returns the stream sequence of the change that {@code update} builds on, or refuses {@code update} when
     * this journal knows a newer change of the product (its replay got it, but the book did not apply it yet).
     */
    private long expectedStreamSequence(PriceUpdate update) {
        @Nullable Stored base = latestStored.get(update.productId());
        if (base == null) {
            return 0;
        }
        if (base.sequenceNumber() != update.sequenceNumber() - 1) {
            catchUp(update.productId());
            throw new PriceConflictException("change " + update.sequenceNumber() + " of product \"" + update.productId()
                    + "\": the stream holds change " + base.sequenceNumber() + " already");
        }
        return base.streamSequence();
    }

    /** Reads the product's latest stored change and hands it to the book, on this thread. */
    private void catchUp(String productId) {
        MessageInfo latest;
        try {
            latest = management.getLastMessage(settings.priceStream(), settings.priceSubject(productId));
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() == NO_MESSAGE_FOUND) {
                return;
            }
            throw unavailable(productId, e);
        } catch (IOException e) {
            throw unavailable(productId, e);
        }
        accept(latest.getData(), latest.getSeq());
    }

    @Override
    public synchronized void replay(Consumer<PriceUpdate> replica) {
        if (this.replica != null) {
            throw new IllegalStateException("journal: replaying already (expected: one replay per journal)");
        }
        this.replica = requireNonNull(replica, "replica");
        long lastStreamSequence;
        try {
            lastStreamSequence = management
                    .getStreamInfo(settings.priceStream())
                    .getStreamState()
                    .getLastSequence();
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException(
                    "price stream \"" + settings.priceStream() + "\": cannot read its state: " + e.getMessage(), e);
        }
        CountDownLatch caughtUp = new CountDownLatch(lastStreamSequence == 0 ? 0 : 1);
        Dispatcher newDispatcher = connection.createDispatcher();
        dispatcher = newDispatcher;
        try {
            jetStream.subscribe(
                    settings.priceSubjectPrefix() + ">",
                    newDispatcher,
                    message -> {
                        long streamSequence = message.metaData().streamSequence();
                        onMessage(message);
                        if (streamSequence >= lastStreamSequence) {
                            caughtUp.countDown();
                        }
                    },
                    false,
                    PushSubscribeOptions.builder().stream(settings.priceStream())
                            .ordered(true)
                            .build());
            if (!caughtUp.await(REPLAY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("price stream \"" + settings.priceStream() + "\": not replayed up to"
                        + " sequence " + lastStreamSequence + " within " + REPLAY_TIMEOUT.toSeconds() + " s");
            }
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException(
                    "price stream \"" + settings.priceStream() + "\": cannot subscribe: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying the price stream", e);
        }
        logger.info("Replayed price stream {} up to sequence {}", settings.priceStream(), lastStreamSequence);
    }

    private void onMessage(Message message) {
        try {
            accept(message.getData(), message.metaData().streamSequence());
        } catch (RuntimeException e) {
            // One unreadable message must not stop the feed of every other product.
            logger.warn(
                    "Skipping price message {} on {}", message.metaData().streamSequence(), message.getSubject(), e);
        }
    }

    private void accept(byte[] body, long streamSequence) {
        PriceUpdate update = PriceMessages.decode(body);
        remember(update.productId(), new Stored(update.sequenceNumber(), streamSequence));
        Consumer<PriceUpdate> target = replica;
        if (target != null) {
            target.accept(update);
        }
    }

    /** Records {@code stored} as the product's latest unless a newer change is known already. */
    private void remember(String productId, Stored stored) {
        latestStored.merge(
                productId,
                stored,
                (known, candidate) -> candidate.sequenceNumber() > known.sequenceNumber() ? candidate : known);
    }

    private PriceJournalUnavailableException unavailable(String productId, Exception cause) {
        return new PriceJournalUnavailableException(
                "price change of product \"" + productId + "\" not stored in NATS stream \"" + settings.priceStream()
                        + "\": " + cause.getMessage() + " (the broker is unreachable or failing; try again)",
                cause);
    }

    /** Stops the replay; the connection stays open for its owner to close. */
    @Override
    public synchronized void close() {
        Dispatcher current = dispatcher;
        if (current != null) {
            dispatcher = null;
            try {
                connection.closeDispatcher(current);
            } catch (IllegalStateException closedAlready) {
                // The connection is closed, and its dispatchers with it.
            }
        }
    }

    /** A stored change of one product: its sequence number and its sequence in the stream. */
    private record Stored(long sequenceNumber, long streamSequence) {}
}
