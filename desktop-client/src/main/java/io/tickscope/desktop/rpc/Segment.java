package io.tickscope.desktop.rpc;

import io.tickscope.api.pricing.v1.CustomerSegment;

/** The customer segment a price is quoted for; each has its own discount on the server. */
public enum Segment {
    STANDARD("Standard", CustomerSegment.CUSTOMER_SEGMENT_STANDARD),
    VIP("VIP", CustomerSegment.CUSTOMER_SEGMENT_VIP),
    WHOLESALE("Wholesale", CustomerSegment.CUSTOMER_SEGMENT_WHOLESALE);

    private final String label;
    private final CustomerSegment proto;

    Segment(String label, CustomerSegment proto) {
        this.label = label;
        this.proto = proto;
    }

    /** Returns the name people see, for example "VIP". */
    public String label() {
        return label;
    }

    CustomerSegment toProto() {
        return proto;
    }

    @Override
    public String toString() {
        return label;
    }
}
