package io.tickscope.server.grpc;

import io.tickscope.api.pricing.v1.CustomerSegment;
import io.tickscope.server.pricing.Segment;

/** Maps customer segments between the contract and the domain. */
final class Segments {

    private Segments() {}

    /**
     * Returns the domain segment of the enum number {@code value}, STANDARD when unspecified; records a
     * violation for numbers the contract does not define.
     */
    static Segment fromProto(int value, RequestViolations violations, String field) {
        CustomerSegment segment = CustomerSegment.forNumber(value);
        if (segment == null) {
            segment = CustomerSegment.UNRECOGNIZED;
        }
        switch (segment) {
            case CUSTOMER_SEGMENT_UNSPECIFIED:
            case CUSTOMER_SEGMENT_STANDARD:
                return Segment.STANDARD;
            case CUSTOMER_SEGMENT_VIP:
                return Segment.VIP;
            case CUSTOMER_SEGMENT_WHOLESALE:
                return Segment.WHOLESALE;
            default:
                violations.add(
                        field,
                        value + " (expected: CUSTOMER_SEGMENT_STANDARD, CUSTOMER_SEGMENT_VIP or"
                                + " CUSTOMER_SEGMENT_WHOLESALE)");
                return Segment.STANDARD;
        }
    }

    static CustomerSegment toProto(Segment segment) {
        switch (segment) {
            case STANDARD:
                return CustomerSegment.CUSTOMER_SEGMENT_STANDARD;
            case VIP:
                return CustomerSegment.CUSTOMER_SEGMENT_VIP;
            case WHOLESALE:
                return CustomerSegment.CUSTOMER_SEGMENT_WHOLESALE;
        }
        throw new IllegalArgumentException("segment: " + segment + " (expected: a known segment)");
    }
}
