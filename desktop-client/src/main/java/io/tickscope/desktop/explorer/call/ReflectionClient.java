package io.tickscope.desktop.explorer.call;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import io.tickscope.desktop.explorer.schema.FileDescriptors;
import io.tickscope.desktop.explorer.schema.ServiceCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Learns a server's services and their descriptors through gRPC server reflection: {@code grpc.reflection.v1},
 * or {@code v1alpha} when the server answers UNIMPLEMENTED to v1 (older servers, grpc-java's deprecated service).
 * Asks for the list of services, then the file of each service (servers send its imports along) and any import
 * still missing, on one stream, one question at a time.
 */
public final class ReflectionClient {

    /** The whole exchange; a server that answers nothing within it is not going to. */
    private static final Duration DEADLINE = Duration.ofSeconds(15);

    /**
     * v1alpha's messages are v1's, field for field (v1 copied them under a new package), so v1's generated
     * classes serve both and only the method's name differs.
     */
    private static final MethodDescriptor<ServerReflectionRequest, ServerReflectionResponse> V1 =
            ServerReflectionGrpc.getServerReflectionInfoMethod();

    private static final MethodDescriptor<ServerReflectionRequest, ServerReflectionResponse> V1ALPHA = V1.toBuilder()
            .setFullMethodName("grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo")
            .build();

    private ReflectionClient() {}

    /** Discovers the services of the server behind {@code channel}, blocking on {@code executor}. */
    public static CompletableFuture<ServiceCatalog> discover(Channel channel, Executor executor) {
        requireNonNull(channel, "channel");
        return CompletableFuture.supplyAsync(() -> discover(channel), executor);
    }

    private static ServiceCatalog discover(Channel channel) {
        try {
            return discover(channel, V1, "reflection v1");
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
                throw e;
            }
            return discover(channel, V1ALPHA, "reflection v1alpha");
        }
    }

    private static ServiceCatalog discover(
            Channel channel,
            MethodDescriptor<ServerReflectionRequest, ServerReflectionResponse> method,
            String source) {
        try (Exchange exchange = new Exchange(channel, method)) {
            List<String> services = new ArrayList<>();
            for (ServiceResponse service : exchange.ask(ServerReflectionRequest.newBuilder()
                            .setListServices("*")
                            .build())
                    .getListServicesResponse()
                    .getServiceList()) {
                services.add(service.getName());
            }
            Map<String, FileDescriptorProto> files = new LinkedHashMap<>();
            for (String service : services) {
                addAll(
                        files,
                        exchange.ask(ServerReflectionRequest.newBuilder()
                                .setFileContainingSymbol(service)
                                .build()));
            }
            List<String> missing = missingImports(files);
            while (!missing.isEmpty()) {
                for (String name : missing) {
                    addAll(
                            files,
                            exchange.ask(ServerReflectionRequest.newBuilder()
                                    .setFileByFilename(name)
                                    .build()));
                }
                List<String> stillMissing = missingImports(files);
                if (stillMissing.equals(missing)) {
                    throw new IllegalStateException("reflection: the server does not describe " + missing);
                }
                missing = stillMissing;
            }
            return ServiceCatalog.of(FileDescriptors.build(files.values()), services, source);
        }
    }

    private static void addAll(Map<String, FileDescriptorProto> files, ServerReflectionResponse response) {
        for (ByteString bytes : response.getFileDescriptorResponse().getFileDescriptorProtoList()) {
            try {
                FileDescriptorProto file = FileDescriptorProto.parseFrom(bytes);
                files.putIfAbsent(file.getName(), file);
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("reflection: a file descriptor that does not parse", e);
            }
        }
    }

    private static List<String> missingImports(Map<String, FileDescriptorProto> files) {
        return files.values().stream()
                .flatMap(file -> file.getDependencyList().stream())
                .filter(name -> !files.containsKey(name))
                .distinct()
                .toList();
    }

    /** One reflection stream: a question, then its answer. */
    private static final class Exchange implements AutoCloseable {

        private static final Object COMPLETED = new Object();

        private final BlockingQueue<Object> answers = new LinkedBlockingQueue<>();
        private final StreamObserver<ServerReflectionRequest> questions;
        private final long deadlineNanos = System.nanoTime() + DEADLINE.toNanos();

        Exchange(Channel channel, MethodDescriptor<ServerReflectionRequest, ServerReflectionResponse> method) {
            questions = ClientCalls.asyncBidiStreamingCall(
                    channel.newCall(
                            method, CallOptions.DEFAULT.withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)),
                    new StreamObserver<>() {
                        @Override
                        public void onNext(ServerReflectionResponse response) {
                            answers.add(response);
                        }

                        @Override
                        public void onError(Throwable failure) {
                            answers.add(failure);
                        }

                        @Override
                        public void onCompleted() {
                            answers.add(COMPLETED);
                        }
                    });
        }

        ServerReflectionResponse ask(ServerReflectionRequest question) {
            questions.onNext(question);
            Object answer;
            try {
                answer = answers.poll(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("reflection: interrupted", e);
            }
            if (answer instanceof ServerReflectionResponse response) {
                if (response.hasErrorResponse()) {
                    throw Status.fromCodeValue(response.getErrorResponse().getErrorCode())
                            .withDescription(
                                    "reflection: " + response.getErrorResponse().getErrorMessage())
                            .asRuntimeException();
                }
                return response;
            }
            if (answer instanceof StatusRuntimeException failure) {
                throw failure;
            }
            if (answer instanceof Throwable failure) {
                throw Status.fromThrowable(failure).asRuntimeException();
            }
            throw Status.DEADLINE_EXCEEDED
                    .withDescription("reflection: no answer within " + DEADLINE.toSeconds() + " s")
                    .asRuntimeException();
        }

        @Override
        public void close() {
            questions.onCompleted();
        }
    }
}
