package io.tickscope.server.security;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Channel;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Lists every method a server reflects, as a foreign client would discover them: over server reflection. */
final class ReflectedMethods {

    /**
     * A method as reflection describes it.
     *
     * @param fullName {@code package.Service/Method}
     * @param type unary or one of the streaming kinds
     */
    record ReflectedMethod(String fullName, MethodType type) {

        String serviceName() {
            return fullName.substring(0, fullName.indexOf('/'));
        }
    }

    private ReflectedMethods() {}

    static List<ReflectedMethod> of(Channel channel) throws Exception {
        List<ReflectedMethod> methods = new ArrayList<>();
        for (ServiceResponse service : ask(
                        channel, ServerReflectionRequest.newBuilder().setListServices(""))
                .getListServicesResponse()
                .getServiceList()) {
            ServerReflectionResponse files =
                    ask(channel, ServerReflectionRequest.newBuilder().setFileContainingSymbol(service.getName()));
            methods.addAll(methodsOf(service.getName(), files));
        }
        return methods;
    }

    /** Asks one question on a stream of its own: one stream answers each file once only, and in its own order. */
    private static ServerReflectionResponse ask(Channel channel, ServerReflectionRequest.Builder request)
            throws Exception {
        BlockingQueue<Object> responses = new LinkedBlockingQueue<>();
        StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel)
                .serverReflectionInfo(new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse response) {
                        responses.add(response);
                    }

                    @Override
                    public void onError(Throwable cause) {
                        responses.add(cause);
                    }

                    @Override
                    public void onCompleted() {}
                });
        requests.onNext(request.build());
        requests.onCompleted();
        Object next = responses.poll(10, TimeUnit.SECONDS);
        if (next instanceof ServerReflectionResponse response) {
            return response;
        }
        if (next instanceof Throwable cause) {
            throw new AssertionError("reflection failed", cause);
        }
        throw new AssertionError("reflection: no answer within 10 s");
    }

    private static List<ReflectedMethod> methodsOf(String serviceName, ServerReflectionResponse response)
            throws InvalidProtocolBufferException {
        for (ByteString bytes : response.getFileDescriptorResponse().getFileDescriptorProtoList()) {
            FileDescriptorProto file = FileDescriptorProto.parseFrom(bytes);
            for (ServiceDescriptorProto service : file.getServiceList()) {
                String fullName =
                        file.getPackage().isEmpty() ? service.getName() : file.getPackage() + '.' + service.getName();
                if (fullName.equals(serviceName)) {
                    return service.getMethodList().stream()
                            .map(method -> new ReflectedMethod(fullName + '/' + method.getName(), typeOf(method)))
                            .toList();
                }
            }
        }
        throw new AssertionError("service: " + serviceName + " (expected: in the files reflection returned for it)");
    }

    private static MethodType typeOf(MethodDescriptorProto method) {
        if (method.getClientStreaming()) {
            return method.getServerStreaming() ? MethodType.BIDI_STREAMING : MethodType.CLIENT_STREAMING;
        }
        return method.getServerStreaming() ? MethodType.SERVER_STREAMING : MethodType.UNARY;
    }
}
