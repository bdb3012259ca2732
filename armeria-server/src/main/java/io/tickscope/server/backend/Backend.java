package io.tickscope.server.backend;

import io.tickscope.server.pricing.MarketSimulator;
import io.tickscope.server.pricing.PriceBook;
import io.tickscope.server.pricing.PriceBus;
import io.tickscope.server.pricing.ProductStore;
import io.tickscope.server.recommendation.BookStore;
import io.tickscope.server.recommendation.Catalogue;
import io.tickscope.server.recommendation.Recommender;
import io.tickscope.server.store.Database;
import io.tickscope.server.user.UserStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Everything the services stand on: the database, the price book with its bus and market, and the book
 * catalogue with its recommender. Opening it reads the catalogue into memory (creating and seeding the
 * database on first start); the market runs only after {@link #startMarket()}.
 */
public final class Backend implements AutoCloseable {

    private final Database database;
    private final PriceBook priceBook;
    private final MarketSimulator market;
    private final Catalogue catalogue;
    private final Recommender recommender;

    private Backend(Database database, PriceBook priceBook, MarketSimulator market, Catalogue catalogue) {
        this.database = database;
        this.priceBook = priceBook;
        this.market = market;
        this.catalogue = catalogue;
        this.recommender = new Recommender(catalogue);
    }

    /**
     * Opens the database in {@code dataDirectory} (seeded from {@code seed} on first start) and loads the
     * domain; the market will move {@code tickRate} prices per second once started.
     */
    public static Backend open(Path dataDirectory, long seed, int tickRate, Clock clock) {
        return open(Database.open(dataDirectory, seed), seed, tickRate, clock);
    }

    /**
     * Loads the domain from {@code database}, which the backend then owns and closes, and keeps its catalogue in
     * step with ratings other servers store in the same database; the market will move {@code tickRate} prices
     * per second once started.
     */
    public static Backend open(Database database, long seed, int tickRate, Clock clock) {
        try {
            PriceBook priceBook = PriceBook.load(database.productStore(), clock);
            MarketSimulator market = new MarketSimulator(priceBook, seed, tickRate);
            Catalogue catalogue = Catalogue.load(database.bookStore());
            database.followBooksChangedElsewhere(catalogue::update);
            return new Backend(database, priceBook, market, catalogue);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Starts moving prices at the configured rate. */
    public void startMarket() {
        market.start();
    }

    public PriceBook priceBook() {
        return priceBook;
    }

    public PriceBus priceBus() {
        return priceBook.bus();
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public Recommender recommender() {
        return recommender;
    }

    public ProductStore productStore() {
        return database.productStore();
    }

    public BookStore bookStore() {
        return database.bookStore();
    }

    public UserStore userStore() {
        return database.userStore();
    }

    /**
     * Tells {@code watcher} whether the database can serve now, then each time that changes: while it cannot, the
     * server's health is NOT_SERVING.
     */
    public void watchStoreReachability(Consumer<Boolean> watcher) {
        database.watchReachability(watcher);
    }

    /** Stops the market and closes the database. */
    @Override
    public void close() {
        market.close();
        database.close();
    }
}
