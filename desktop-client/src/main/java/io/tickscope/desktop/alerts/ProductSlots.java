package io.tickscope.desktop.alerts;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * One value per product, for the path every tick takes: a catalogue id ({@code P00042}) finds its slot by its
 * number, without hashing the id (a fresh string on every tick) or taking a lock, which a concurrent map's
 * {@code put} did on every tick of every product. Any other id has its slot in a map. A value set on one thread is
 * seen by the others once set, as through a concurrent map.
 */
final class ProductSlots<T> {

    private static final int DIGITS = 5;
    private static final int NUMBERS = 100_000;

    private final AtomicReferenceArray<@Nullable T> byNumber = new AtomicReferenceArray<>(NUMBERS);
    private final Map<String, T> others = new ConcurrentHashMap<>();

    @Nullable
    T get(String productId) {
        int number = numberOf(productId);
        return number >= 0 ? byNumber.getAcquire(number) : others.get(productId);
    }

    void set(String productId, @Nullable T value) {
        int number = numberOf(productId);
        if (number >= 0) {
            byNumber.setRelease(number, value);
        } else if (value == null) {
            others.remove(productId);
        } else {
            others.put(productId, value);
        }
    }

    /** Returns 42 for {@code P00042}, or -1 for an id of another shape. */
    private static int numberOf(String productId) {
        if (productId.length() != DIGITS + 1 || productId.charAt(0) != 'P') {
            return -1;
        }
        int number = 0;
        for (int i = 1; i <= DIGITS; i++) {
            int digit = productId.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            number = 10 * number + digit;
        }
        return number;
    }
}
