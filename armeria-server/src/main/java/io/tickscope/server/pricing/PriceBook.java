package io.tickscope.server.pricing;

import static java.util.Objects.requireNonNull;

import io.tickscope.server.error.FieldViolation;
import io.tickscope.server.error.InvalidArgumentException;
import io.tickscope.server.error.NotFoundException;
import io.tickscope.shared.money.Amount;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current price of every product, in memory: quotes it, changes it and publishes every change on its
 * {@link PriceBus}.
 *
 * <p>The catalogue is fixed when the book loads; prices change. Each product holds its latest
 * {@link PriceUpdate} in a volatile field, so quoting reads without locking. Changes to one product take that
 * product's lock, so its sequence numbers grow by one at a time and reach the bus in order; changes to
 * different products never wait for each other.
 *
 * <p>Every change is recorded in the book's {@link PriceJournal} before the book applies it. In a cluster the
 * journal is a broker that every replica shares: a change counts once the broker stored it, changes recorded by
 * other replicas arrive through {@link #applyReplicated}, and a change that lost a race with another replica's
 * change to the same product is built again on the newer state.
 */
public final class PriceBook {

    /** How often a change that lost a race with another replica's change is built again before it fails. */
    private static final int MAX_RECORD_ATTEMPTS = 10;

    private static final Logger logger = LoggerFactory.getLogger(PriceBook.class);

    private final Clock clock;
    private final QuoteCalculator calculator;
    private final Map<String, Product> products;
    /** The products in the order of {@link #productIds}, which is also the order of the bus's topics. */
    private final Product[] productsByIndex;

    private final List<String> productIds;
    private final PriceBus bus;
    private final PriceJournal journal;
    private volatile TickRecorder recorder = TickRecorder.NONE;

    private PriceBook(
            List<ProductListing> listings,
            ExchangeRates rates,
            SegmentDiscounts discounts,
            Clock clock,
            PriceJournal journal) {
        this.clock = requireNonNull(clock, "clock");
        this.journal = requireNonNull(journal, "journal");
        calculator = new QuoteCalculator(rates, discounts);
        products = new HashMap<>();
        productsByIndex = new Product[listings.size()];
        List<PriceUpdate> seeds = new ArrayList<>(listings.size());
        for (ProductListing listing : listings) {
            if (!calculator.supports(listing.basePrice().currency())) {
                throw new IllegalArgumentException("currency of product \"" + listing.productId() + "\": "
                        + listing.basePrice().currency() + " (expected: one with an exchange rate)");
            }
            PriceUpdate seed = new PriceUpdate(listing, 1, listing.updateTime(), PriceUpdate.Kind.CHANGE);
            Product product = new Product(seeds.size(), seed);
            if (products.put(listing.productId(), product) != null) {
                throw new IllegalArgumentException(
                        "listings: two of product \"" + listing.productId() + "\" (expected: one per product)");
            }
            productsByIndex[product.index] = product;
            seeds.add(seed);
        }
        productIds = listings.stream().map(ProductListing::productId).toList();
        bus = new PriceBus(seeds);
    }

    /**
     * Returns a book of the listings, exchange rates and segment discounts in {@code store}. Blocks while it
     * reads the store.
     */
    public static PriceBook load(ProductStore store, Clock clock) {
        return load(store, clock, PriceJournal.inProcess());
    }

    /**
     * Returns a book of the listings, exchange rates and segment discounts in {@code store} whose changes are
     * recorded in {@code journal}, and catches up with the changes the journal holds already. Blocks while it
     * reads the store and replays the journal.
     */
    public static PriceBook load(ProductStore store, Clock clock, PriceJournal journal) {
        PriceBook book = new PriceBook(
                store.loadListings(), store.loadExchangeRates(), store.loadSegmentDiscounts(), clock, journal);
        journal.replay(book::applyReplicated);
        return book;
    }

    /** Returns the bus on which the book publishes every change. */
    public PriceBus bus() {
        return bus;
    }

    /**
     * Returns the number, above zero, within which sequence numbers compare: alone, one the book drew when it
     * loaded, as sequence numbers start again at 1 at every server start; in a cluster, the identity of the
     * broker's stream, the same on every replica for as long as the stream keeps its sequence numbers.
     */
    public long incarnation() {
        return journal.incarnation();
    }

    /** Returns whether changing a price waits for another process (a broker), so must stay off event loops. */
    public boolean changesBlock() {
        return journal.blocks();
    }

    /** Returns whether the catalogue has a product with id {@code productId}. */
    public boolean contains(String productId) {
        return products.containsKey(productId);
    }

    /** Returns the ids of every product, in the order the store listed them. */
    public List<String> productIds() {
        return productIds;
    }

    /**
     * Throws unless prices can be quoted in {@code currency}; lets a caller check a request's currency once
     * before it quotes many products.
     *
     * @throws InvalidArgumentException naming the field {@code currency_code}
     */
    public void requireSupported(Currency currency) {
        calculator.requireSupported(currency);
    }

    /**
     * Returns the current price of product {@code productId} in {@code currency} for {@code segment}.
     *
     * @throws InvalidArgumentException naming {@code currency_code} when {@code currency} is not supported
     * @throws NotFoundException when the product is unknown
     */
    public Quote quote(String productId, Currency currency, Segment segment) {
        // A malformed request is reported as such, even when it also names an unknown product.
        calculator.requireSupported(currency);
        return quote(product(productId).latest.listing(), currency, segment);
    }

    /**
     * Returns {@code listing}, for example that of a delivered {@link PriceUpdate}, quoted in {@code currency}
     * for {@code segment}, with its sale applied while the sale runs. Cheap enough to run for every update
     * delivered to every watcher.
     *
     * @throws InvalidArgumentException naming {@code currency_code} when {@code currency} is not supported
     */
    public Quote quote(ProductListing listing, Currency currency, Segment segment) {
        return calculator.quote(listing, currency, segment, clock.instant());
    }

    /**
     * Returns the latest update of product {@code productId}: its listing, sequence number and event time. Its
     * kind is {@link PriceUpdate.Kind#CHANGE}, even for the state loaded at start (sequence number 1); the bus
     * hands a new watcher the latest update as a snapshot.
     *
     * @throws NotFoundException when the product is unknown
     */
    public PriceUpdate latestUpdate(String productId) {
        return product(productId).latest;
    }

    /**
     * Sets the base price of product {@code productId} and starts {@code sale} on it, or keeps its running
     * sale when {@code sale} is null, as a feeder does.
     *
     * @return the product's new listing
     * @throws NotFoundException when the product is unknown
     * @throws InvalidArgumentException naming every bad field: {@code base_price.currency_code} when the price
     *     is not in the product's listing currency, {@code base_price} when it is not above zero and
     *     {@code sale_end_time} when the sale has already ended
     */
    public ProductListing publish(String productId, Amount newBasePrice, @Nullable Sale sale) {
        requireNonNull(newBasePrice, "newBasePrice");
        Product product = product(productId);
        synchronized (product) {
            Instant now = clock.instant();
            Amount currentPrice = product.latest.listing().basePrice();
            List<FieldViolation> violations = new ArrayList<>();
            if (!newBasePrice.currency().equals(currentPrice.currency())) {
                violations.add(new FieldViolation(
                        "base_price.currency_code",
                        '"' + newBasePrice.currency().getCurrencyCode() + "\" (expected: \""
                                + currentPrice.currency().getCurrencyCode() + "\", the listing currency of \""
                                + productId + "\")"));
            }
            if (!newBasePrice.isPositive()) {
                violations.add(new FieldViolation("base_price", newBasePrice + " (expected: > 0)"));
            } else if (calculator.supports(newBasePrice.currency())) {
                Amount largest = calculator.largestQuotablePrice(newBasePrice.currency());
                if (newBasePrice.compareTo(largest) > 0) {
                    violations.add(new FieldViolation(
                            "base_price",
                            newBasePrice + " (expected: at most " + largest
                                    + ", so that every currency can quote it)"));
                }
            }
            if (sale != null && !sale.isRunningAt(now)) {
                violations.add(new FieldViolation("sale_end_time", sale.endTime() + " (expected: after " + now + ')'));
            }
            if (!violations.isEmpty()) {
                throw new InvalidArgumentException(violations);
            }
            return change(product, current -> newBasePrice, sale, PriceJournal.Origin.FEED);
        }
    }

    /**
     * Moves the base price of product {@code productId} by {@code changeBasisPoints} hundredths of a percent
     * (rounded half-even, and never below one minor unit) and starts {@code newSale} on it, or keeps its
     * running sale when {@code newSale} is null, as the market does.
     *
     * @return the product's new listing
     * @throws NotFoundException when the product is unknown
     */
    public ProductListing applyMarketMove(String productId, int changeBasisPoints, @Nullable Sale newSale) {
        if (changeBasisPoints <= -10_000) {
            throw new IllegalArgumentException(
                    "changeBasisPoints: " + changeBasisPoints + " (expected: > -10000, a price stays above zero)");
        }
        return applyMarketMove(product(productId), changeBasisPoints, newSale);
    }

    /**
     * Moves the price of the product at {@code productIndex} in {@link #productIds()} as {@link
     * #applyMarketMove(String, int, Sale)} does: the market draws products by index, which spares it two lookups
     * by id for each of up to a million changes a second.
     */
    ProductListing applyMarketMove(int productIndex, int changeBasisPoints, @Nullable Sale newSale) {
        if (productIndex < 0 || productIndex >= productsByIndex.length) {
            throw new IndexOutOfBoundsException(
                    "productIndex: " + productIndex + " (expected: 0 to " + (productsByIndex.length - 1) + ')');
        }
        return applyMarketMove(productsByIndex[productIndex], changeBasisPoints, newSale);
    }

    private ProductListing applyMarketMove(Product product, int changeBasisPoints, @Nullable Sale newSale) {
        if (changeBasisPoints <= -10_000) {
            throw new IllegalArgumentException(
                    "changeBasisPoints: " + changeBasisPoints + " (expected: > -10000, a price stays above zero)");
        }
        synchronized (product) {
            return change(
                    product,
                    price -> new Amount(
                            price.currency(), Math.max(1, MarketMove.apply(price.minorUnits(), changeBasisPoints))),
                    newSale,
                    PriceJournal.Origin.MARKET);
        }
    }

    /**
     * Applies {@code update}, a change recorded in the journal (by another replica, or by this one), unless the
     * book holds it or a newer one already; publishes it to watchers when applied.
     */
    public void applyReplicated(PriceUpdate update) {
        Product product = products.get(update.productId());
        if (product == null) {
            logger.warn(
                    "Ignoring a recorded change of product \"{}\", which this server's catalogue lacks",
                    update.productId());
            return;
        }
        synchronized (product) {
            if (update.sequenceNumber() <= product.latest.sequenceNumber()) {
                return;
            }
            PriceUpdate change = update.kind() == PriceUpdate.Kind.CHANGE
                    ? update
                    : new PriceUpdate(
                            update.listing(), update.sequenceNumber(), update.eventTime(), PriceUpdate.Kind.CHANGE);
            product.latest = change;
            recorder.record(change, false);
            bus.publish(product.index, change);
        }
    }

    /**
     * Hands every change applied from now on to {@code recorder}, before watchers see it, under the product's
     * lock, so that it receives each product's changes in order.
     */
    public void recordChangesIn(TickRecorder recorder) {
        this.recorder = requireNonNull(recorder, "recorder");
    }

    /**
     * Returns {@code tick}, a stored change of a product of this book, quoted in {@code currency} for {@code
     * segment} as it was quoted when it happened: its sale counts, as it ran then.
     *
     * @throws InvalidArgumentException naming {@code currency_code} when {@code currency} is not supported
     * @throws NotFoundException when the product is unknown
     */
    public Quote quote(PriceTick tick, Currency currency, Segment segment) {
        calculator.requireSupported(currency);
        String name = product(tick.productId()).latest.listing().name();
        return calculator.quote(tick.listing(name), currency, segment, tick.eventTime());
    }

    /**
     * Returns what {@code segment} pays in {@code currency} for {@code price}, a stored price of a product of
     * this book, exactly as a quote of it gives.
     */
    public Amount discountedPrice(StoredPrice price, Currency currency, Segment segment) {
        return calculator.discountedPrice(price.basePrice(), price.saleDiscountBasisPoints(), currency, segment);
    }

    /**
     * Returns the currency product {@code productId} is listed in.
     *
     * @throws NotFoundException when the product is unknown
     */
    public Currency listingCurrency(String productId) {
        return product(productId).latest.listing().basePrice().currency();
    }

    /** Returns the clock the book stamps changes with and decides whether sales run by. */
    public Clock clock() {
        return clock;
    }

    /**
     * Builds a validated change of {@code product}, whose lock the caller holds, from its latest state, records
     * it in the journal, applies it and publishes it. A change that another writer beat to the journal is built
     * again on that writer's newer state.
     */
    private ProductListing change(
            Product product, UnaryOperator<Amount> newBasePrice, @Nullable Sale newSale, PriceJournal.Origin origin) {
        for (int attempt = 1; ; attempt++) {
            PriceUpdate previous = product.latest;
            Instant now = clock.instant();
            @Nullable Sale sale = newSale != null ? newSale : previous.listing().sale();
            ProductListing listing = new ProductListing(
                    previous.productId(),
                    previous.listing().name(),
                    newBasePrice.apply(previous.listing().basePrice()),
                    // An ended sale is dropped with the next change rather than carried along forever.
                    sale != null && sale.isRunningAt(now) ? sale : null,
                    now);
            PriceUpdate update = new PriceUpdate(listing, previous.sequenceNumber() + 1, now, PriceUpdate.Kind.CHANGE);
            try {
                journal.record(update, origin);
            } catch (PriceConflictException e) {
                if (attempt == MAX_RECORD_ATTEMPTS) {
                    throw e;
                }
                continue;
            }
            product.latest = update;
            // Recorded before watchers see it: a watch that replays history up to its snapshot finds it stored.
            recorder.record(update, true);
            bus.publish(product.index, update);
            return listing;
        }
    }

    private Product product(String productId) {
        Product product = products.get(requireNonNull(productId, "productId"));
        if (product == null) {
            throw new NotFoundException("product", productId);
        }
        return product;
    }

    /** One product's latest update; replaced under the product's lock, read without it. */
    private static final class Product {

        /** The product's place in {@link #productIds} and among the bus's topics. */
        final int index;

        volatile PriceUpdate latest;

        Product(int index, PriceUpdate latest) {
            this.index = index;
            this.latest = latest;
        }
    }
}
