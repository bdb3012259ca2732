package io.tickscope.server.pricing;

/** The group of customers a price is quoted for; each segment has its own discount. */
public enum Segment {
    STANDARD,
    VIP,
    WHOLESALE
}
