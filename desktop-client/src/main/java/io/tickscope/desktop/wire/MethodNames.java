package io.tickscope.desktop.wire;

/** Writes gRPC method names short enough for a table. */
final class MethodNames {

    private MethodNames() {}

    /** Returns "PricingService/GetPrice" for "tickscope.pricing.v1.PricingService/GetPrice". */
    static String shortName(String fullMethodName) {
        int slash = fullMethodName.indexOf('/');
        int serviceStart = fullMethodName.lastIndexOf('.', slash < 0 ? fullMethodName.length() : slash) + 1;
        return fullMethodName.substring(serviceStart);
    }
}
