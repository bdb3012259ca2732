package io.tickscope.desktop.rpc;

import com.google.protobuf.Descriptors.FileDescriptor;
import io.tickscope.api.pricing.v1.PricingServiceProto;
import io.tickscope.api.recommendation.v1.RecommendationServiceProto;
import io.tickscope.api.user.v1.UserServiceProto;
import java.util.List;

/**
 * The contract this app was built with, as descriptors of the generated classes: what the Explorer compares a
 * Tickscope server's reflected contract with (contract drift). Only this package may name the generated code.
 */
public final class ContractDescriptors {

    private ContractDescriptors() {}

    /** The service files of the contract; their imports come along through each file's dependencies. */
    public static List<FileDescriptor> builtIn() {
        return List.of(
                PricingServiceProto.getDescriptor(),
                RecommendationServiceProto.getDescriptor(),
                UserServiceProto.getDescriptor());
    }
}
