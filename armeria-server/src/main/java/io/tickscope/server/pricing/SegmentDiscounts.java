package io.tickscope.server.pricing;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.Map;

/** The discount each customer segment gets on every product, in basis points. */
public final class SegmentDiscounts {

    private final EnumMap<Segment, Integer> basisPoints;

    private SegmentDiscounts(EnumMap<Segment, Integer> basisPoints) {
        this.basisPoints = basisPoints;
    }

    /** Returns the discounts in {@code basisPoints}, which must name every segment. */
    public static SegmentDiscounts of(Map<Segment, Integer> basisPoints) {
        EnumMap<Segment, Integer> copy = new EnumMap<>(Segment.class);
        copy.putAll(basisPoints);
        for (Segment segment : Segment.values()) {
            Integer discount = copy.get(segment);
            if (discount == null || discount < 0 || discount > 9_000) {
                throw new IllegalArgumentException(
                        "discount of " + segment + ": " + discount + " (expected: 0 to 9000 basis points)");
            }
        }
        return new SegmentDiscounts(copy);
    }

    /** Returns the discount of {@code segment} in basis points. */
    public int basisPointsOf(Segment segment) {
        // of() requires an entry for every segment.
        return requireNonNull(basisPoints.get(segment), "segment");
    }

    @Override
    public String toString() {
        return "SegmentDiscounts" + basisPoints;
    }
}
