package io.tickscope.server.limits;

import com.google.protobuf.Empty;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;

/** A test service whose one unary method never answers: a call to it ends only by its deadline. */
final class HangingService {

    static final MethodDescriptor<Empty, Empty> HANG = MethodDescriptor.<Empty, Empty>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(MethodDescriptor.generateFullMethodName("tickscope.test.Hanging", "Hang"))
            .setRequestMarshaller(ProtoUtils.marshaller(Empty.getDefaultInstance()))
            .setResponseMarshaller(ProtoUtils.marshaller(Empty.getDefaultInstance()))
            .build();

    private HangingService() {}

    static ServerServiceDefinition definition() {
        return ServerServiceDefinition.builder("tickscope.test.Hanging")
                .addMethod(HANG, ServerCalls.asyncUnaryCall((request, responseObserver) -> {}))
                .build();
    }
}
