package io.tickscope.desktop.rpc;

import io.tickscope.api.pricing.v1.CustomerSegment;

/** The customer segments a price can be quoted for, as the desktop offers them. */
public enum PricingSegment {
    STANDARD("Standard", CustomerSegment.CUSTOMER_SEGMENT_STANDARD),
    VIP("VIP", CustomerSegment.CUSTOMER_SEGMENT_VIP),
    WHOLESALE("Wholesale", CustomerSegment.CUSTOMER_SEGMENT_WHOLESALE);

    private final String label;
    private final CustomerSegment proto;

    PricingSegment(String label, CustomerSegment proto) {
        this.label = label;
        this.proto = proto;
    }

    CustomerSegment toProto() {
        return proto;
    }

    @Override
    public String toString() {
        return label;
    }
}
