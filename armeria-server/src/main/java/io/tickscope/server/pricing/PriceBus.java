package io.tickscope.server.pricing;

import static java.util.Objects.requireNonNull;

import io.tickscope.server.error.NotFoundException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Fans every price change out to the watchers of the product, each through its own bounded mailbox (see
 * {@link PriceSubscription}), so a slow watcher never stalls the market or other watchers.
 *
 * <p>The bus remembers the latest update of each product so that a new watcher starts with a snapshot of
 * every product it watches. Subscribing registers the mailbox first and queues the snapshots second, both
 * before delivery starts: a change published in between lands in the mailbox too, where it merges with the
 * snapshot into one snapshot of the newer state. So no change is lost, and every watcher sees the current
 * price of a product before any change to it.
 *
 * <p>Publishing reads two copy-on-write arrays (the watchers of the product and the watchers of every
 * product) and offers the update to each: O(1) per interested watcher, without allocating and without waiting
 * for any watcher.
 * Subscribing and closing copy those arrays, which is fine for calls that are rare next to price changes.
 */
public final class PriceBus {

    private static final Registration[] NO_REGISTRATIONS = new Registration[0];
    private static final PriceSubscription[] NO_SUBSCRIPTIONS = new PriceSubscription[0];

    private final Topic[] topics;
    private final Map<String, Topic> topicsByProductId;
    private final Object allProductsLock = new Object();

    /** Every open subscription, for the watcher count and backlog that metrics and tests read. */
    private final Set<PriceSubscription> openSubscriptions = ConcurrentHashMap.newKeySet();

    /** Watchers of every product; each uses a product's index in {@link #topics} as its mailbox slot. */
    private volatile PriceSubscription[] allProductsSubscriptions = NO_SUBSCRIPTIONS;

    /** Creates a bus for the products of {@code initialUpdates}, one update per product. */
    PriceBus(List<PriceUpdate> initialUpdates) {
        topics = new Topic[initialUpdates.size()];
        topicsByProductId = new HashMap<>();
        for (int i = 0; i < topics.length; i++) {
            PriceUpdate update = initialUpdates.get(i);
            topics[i] = new Topic(i, update);
            if (topicsByProductId.put(update.productId(), topics[i]) != null) {
                throw new IllegalArgumentException(
                        "initialUpdates: two for product \"" + update.productId() + "\" (expected: one per product)");
            }
        }
    }

    /**
     * Subscribes {@code sink} to the products {@code productIds}, or to every product when it is empty.
     * Delivery starts at once, on {@code deliveryExecutor}, with a snapshot of each watched product.
     *
     * @throws NotFoundException when a product id is unknown
     */
    public PriceSubscription subscribe(Set<String> productIds, Executor deliveryExecutor, PriceSink sink) {
        requireNonNull(productIds, "productIds");
        Topic[] watched = productIds.isEmpty() ? topics : topicsOf(productIds);
        boolean allProducts = productIds.isEmpty();
        PriceSubscription subscription = new PriceSubscription(
                watched.length,
                deliveryExecutor,
                sink,
                allProducts ? this::unregisterFromAllProducts : closed -> unregister(closed, watched));
        openSubscriptions.add(subscription);
        if (allProducts) {
            synchronized (allProductsLock) {
                allProductsSubscriptions = appended(allProductsSubscriptions, subscription);
            }
        } else {
            for (int slot = 0; slot < watched.length; slot++) {
                watched[slot].register(new Registration(subscription, slot));
            }
        }
        for (int slot = 0; slot < watched.length; slot++) {
            subscription.offer(slot, watched[slot].latest.asSnapshot());
        }
        subscription.startDelivery();
        return subscription;
    }

    /**
     * Records {@code update} as its product's latest and offers it to the product's watchers. Updates of one
     * product must be published one at a time, in sequence order; the price book does so.
     */
    void publish(PriceUpdate update) {
        Topic topic = topicsByProductId.get(update.productId());
        if (topic == null) {
            throw new IllegalArgumentException("update of product: \"" + update.productId()
                    + "\" (expected: one of the " + topics.length + " products the bus was created with)");
        }
        publish(topic, update);
    }

    /**
     * Publishes {@code update} as {@link #publish(PriceUpdate)} does, for the product at {@code productIndex} in
     * the order the bus was created with: the price book's changes skip the lookup by id.
     */
    void publish(int productIndex, PriceUpdate update) {
        Topic topic = topics[productIndex];
        if (!topic.latest.productId().equals(update.productId())) {
            throw new IllegalArgumentException("update of product: \"" + update.productId() + "\" at index "
                    + productIndex + " (expected: \"" + topic.latest.productId() + "\", the product there)");
        }
        publish(topic, update);
    }

    private void publish(Topic topic, PriceUpdate update) {
        // Written before the watchers are read, while subscribe registers before it reads the latest update:
        // a concurrent subscriber either receives this update or reads it as its snapshot, or both.
        topic.latest = update;
        for (Registration registration : topic.registrations) {
            registration.subscription.offer(registration.slot, update);
        }
        for (PriceSubscription subscription : allProductsSubscriptions) {
            subscription.offer(topic.index, update);
        }
    }

    private Topic[] topicsOf(Set<String> productIds) {
        Topic[] watched = new Topic[productIds.size()];
        int slot = 0;
        for (String productId : productIds) {
            Topic topic = topicsByProductId.get(productId);
            if (topic == null) {
                throw new NotFoundException("product", productId);
            }
            watched[slot++] = topic;
        }
        return watched;
    }

    /** Returns how many subscriptions are open. */
    public int subscriberCount() {
        return openSubscriptions.size();
    }

    /** Returns the largest backlog of any open subscription: updates waiting for a slow watcher. */
    public int maxBacklog() {
        return openSubscriptions.stream()
                .mapToInt(PriceSubscription::backlog)
                .max()
                .orElse(0);
    }

    private void unregister(PriceSubscription subscription, Topic[] watched) {
        openSubscriptions.remove(subscription);
        for (Topic topic : watched) {
            topic.unregister(subscription);
        }
    }

    private void unregisterFromAllProducts(PriceSubscription subscription) {
        openSubscriptions.remove(subscription);
        synchronized (allProductsLock) {
            allProductsSubscriptions = Arrays.stream(allProductsSubscriptions)
                    .filter(registered -> registered != subscription)
                    .toArray(PriceSubscription[]::new);
        }
    }

    private static <T> T[] appended(T[] array, T element) {
        T[] copy = Arrays.copyOf(array, array.length + 1);
        copy[array.length] = element;
        return copy;
    }

    /** A watcher of one product and the slot of the product in the watcher's mailbox. */
    private record Registration(PriceSubscription subscription, int slot) {}

    /** One product's latest update and its watchers. */
    private static final class Topic {

        final int index;
        volatile PriceUpdate latest;
        /** Copy-on-write: replaced under the topic's lock, read without it. */
        volatile Registration[] registrations = NO_REGISTRATIONS;

        Topic(int index, PriceUpdate latest) {
            this.index = index;
            this.latest = latest;
        }

        synchronized void register(Registration registration) {
            registrations = appended(registrations, registration);
        }

        synchronized void unregister(PriceSubscription subscription) {
            registrations = Arrays.stream(registrations)
                    .filter(registration -> registration.subscription != subscription)
                    .toArray(Registration[]::new);
        }
    }
}
