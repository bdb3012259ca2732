package io.tickscope.server.pricing;

import static io.tickscope.server.pricing.InMemoryProductStore.SEEDED_AT;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickscope.shared.money.Amount;
import org.junit.jupiter.api.Test;

class ConflatingQueueTest {

    private final ConflatingQueue queue = new ConflatingQueue(3);

    @Test
    void deliversSlotsInTheOrderTheyFirstQueued() {
        queue.offer(2, change("C", 2));
        queue.offer(0, change("A", 2));
        queue.offer(1, change("B", 2));

        assertThat(queue.poll()).extracting(PriceUpdate::productId).isEqualTo("C");
        assertThat(queue.poll()).extracting(PriceUpdate::productId).isEqualTo("A");
        assertThat(queue.poll()).extracting(PriceUpdate::productId).isEqualTo("B");
        assertThat(queue.poll()).isNull();
    }

    @Test
    void keepsOnlyTheLatestUpdatePerSlotInItsPlaceInLine() {
        queue.offer(0, change("A", 2));
        queue.offer(1, change("B", 2));
        queue.offer(0, change("A", 3));
        queue.offer(0, change("A", 4));

        assertThat(queue.size()).isEqualTo(2);
        assertThat(queue.poll()).isEqualTo(change("A", 4));
        assertThat(queue.poll()).isEqualTo(change("B", 2));
    }

    @Test
    void dropsAnUpdateOlderThanTheQueuedOne() {
        queue.offer(0, change("A", 5));
        queue.offer(0, change("A", 4));

        assertThat(queue.poll()).isEqualTo(change("A", 5));
    }

    @Test
    void aQueuedSnapshotOvertakenByAChangeStaysASnapshotOfTheNewerState() {
        queue.offer(0, change("A", 1).asSnapshot());
        queue.offer(0, change("A", 2));

        assertThat(queue.poll()).isEqualTo(change("A", 2).asSnapshot());
    }

    @Test
    void aSnapshotOfAnAlreadyQueuedChangeTurnsItIntoASnapshot() {
        queue.offer(0, change("A", 2));
        queue.offer(0, change("A", 2).asSnapshot());

        assertThat(queue.poll()).isEqualTo(change("A", 2).asSnapshot());
    }

    @Test
    void reusesItsSlotsAroundTheRing() {
        for (long sequenceNumber = 1; sequenceNumber <= 10; sequenceNumber++) {
            queue.offer(0, change("A", sequenceNumber));
            queue.offer(1, change("B", sequenceNumber));
            assertThat(queue.poll()).isEqualTo(change("A", sequenceNumber));
            queue.offer(2, change("C", sequenceNumber));
            assertThat(queue.poll()).isEqualTo(change("B", sequenceNumber));
            assertThat(queue.poll()).isEqualTo(change("C", sequenceNumber));
            assertThat(queue.size()).isZero();
        }
    }

    private static PriceUpdate change(String productId, long sequenceNumber) {
        ProductListing listing = new ProductListing(productId, productId, Amount.of("USD", "1.00"), null, SEEDED_AT);
        return new PriceUpdate(listing, sequenceNumber, SEEDED_AT, PriceUpdate.Kind.CHANGE);
    }
}
