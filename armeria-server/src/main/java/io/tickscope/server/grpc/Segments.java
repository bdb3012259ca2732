package io.tickscope.server.grpc;

import io.tickscope.api.pricing.v1.CustomerSegment;
import io.tickscope.server.pricing.Segment;

/** Maps customer segments between the contract and the domain. */
final class Segments {

    private Segments() {}

    /** Returns the domain segment, STANDARD when unspecified; records a violation for unknown values. */
    static Segment fromProto(CustomerSegment segment, RequestViolations violations, String field) {
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
                        segment.getNumber()
                                + " (expected: CUSTOMER_SEGMENT_STANDARD, CUSTOMER_SEGMENT_VIP or"
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
