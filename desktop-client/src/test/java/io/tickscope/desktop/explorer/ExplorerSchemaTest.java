package io.tickscope.desktop.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import io.grpc.testing.integration.Messages;
import io.grpc.testing.integration.Test;
import io.tickscope.api.pricing.v1.GetPriceRequest;
import io.tickscope.api.pricing.v1.PricingServiceProto;
import io.tickscope.desktop.explorer.schema.ContractDrift;
import io.tickscope.desktop.explorer.schema.FileDescriptors;
import io.tickscope.desktop.explorer.schema.HttpRoute;
import io.tickscope.desktop.explorer.schema.JsonCodec;
import io.tickscope.desktop.explorer.schema.JsonTemplate;
import io.tickscope.desktop.explorer.schema.RequestProblem;
import io.tickscope.desktop.explorer.schema.ServiceCatalog;
import io.tickscope.desktop.rpc.ContractDescriptors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Explorer's descriptor work without a server: templates, validation with the bad field named, descriptor
 * set files, REST routes and contract drift, on the real contract's descriptors and the interop suite's.
 */
class ExplorerSchemaTest {

    private static final Descriptor STREAMING_OUTPUT = Messages.StreamingOutputCallRequest.getDescriptor();

    @TempDir
    Path directory;

    @org.junit.jupiter.api.Test
    void templateHasEveryFieldEnumNamesNestedMessagesAndOneElementPerRepeatedField() {
        String template = JsonTemplate.of(STREAMING_OUTPUT);

        assertThat(template)
                .contains("\"responseType\": \"COMPRESSABLE\"")
                .contains("\"responseParameters\": [{")
                .contains("\"payload\": {")
                .contains("\"responseStatus\": {");
    }

    @org.junit.jupiter.api.Test
    void templateParsesBackIntoItsType() throws RequestProblem {
        JsonCodec json = JsonCodec.of(List.of(Messages.getDescriptor()));

        DynamicMessage parsed = json.parse(STREAMING_OUTPUT, JsonTemplate.of(STREAMING_OUTPUT));

        assertThat(parsed.getRepeatedFieldCount(STREAMING_OUTPUT.findFieldByName("response_parameters")))
                .isEqualTo(1);
    }

    @org.junit.jupiter.api.Test
    void problemNamesTheNestedFieldThatDoesNotParse() {
        JsonCodec json = JsonCodec.of(List.of(Messages.getDescriptor()));

        assertThatThrownBy(() ->
                        json.parse(STREAMING_OUTPUT, "{\"responseParameters\": [{\"size\": 1}, {\"size\": \"many\"}]}"))
                .isInstanceOfSatisfying(RequestProblem.class, problem -> {
                    assertThat(problem.field()).isEqualTo("responseParameters[1].size");
                    assertThat(problem.problem()).contains("many");
                });
    }

    @org.junit.jupiter.api.Test
    void problemNamesAnUnknownFieldAndListsTheKnownOnes() {
        JsonCodec json = JsonCodec.of(List.of(PricingServiceProto.getDescriptor()));

        assertThatThrownBy(() -> json.parse(GetPriceRequest.getDescriptor(), "{\"product\": \"P1\"}"))
                .isInstanceOfSatisfying(RequestProblem.class, problem -> {
                    assertThat(problem.field()).isEqualTo("product");
                    assertThat(problem.problem()).contains("product_id, currency_code, customer_segment");
                });
    }

    @org.junit.jupiter.api.Test
    void jsonThatIsNotAnObjectIsAProblemOfTheWholeRequest() {
        JsonCodec json = JsonCodec.of(List.of(PricingServiceProto.getDescriptor()));

        assertThatThrownBy(() -> json.parse(GetPriceRequest.getDescriptor(), "{\"productId\": "))
                .isInstanceOfSatisfying(RequestProblem.class, problem -> {
                    assertThat(problem.field()).isEmpty();
                    assertThat(problem.problem()).startsWith("not JSON");
                });
    }

    @org.junit.jupiter.api.Test
    void descriptorSetFileGivesTheServicesOfAServerWithoutReflection() throws Exception {
        Path file = directory.resolve("api.binpb");
        Files.write(file, setOf(Test.getDescriptor()).toByteArray());

        ServiceCatalog catalog = ServiceCatalog.of(FileDescriptors.readSet(file), List.of(), "api.binpb");

        assertThat(catalog.method("grpc.testing.TestService/StreamingOutputCall"))
                .hasValueSatisfying(method -> assertThat(method.getInputType().getFullName())
                        .isEqualTo("grpc.testing.StreamingOutputCallRequest"));
    }

    @org.junit.jupiter.api.Test
    void descriptorSetWithoutAnImportSaysWhichFileIsMissing() throws Exception {
        Path file = directory.resolve("partial.binpb");
        Files.write(
                file,
                FileDescriptorSet.newBuilder()
                        .addFile(Test.getDescriptor().toProto())
                        .build()
                        .toByteArray());

        assertThatThrownBy(() -> FileDescriptors.readSet(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("import: ")
                .hasMessageContaining("with its imports");
    }

    @org.junit.jupiter.api.Test
    void restRouteComesFromTheGoogleApiHttpOptionOfReflectedDescriptors() {
        ServiceCatalog reflected = asReflected(PricingServiceProto.getDescriptor());

        assertThat(HttpRoute.of(reflected
                        .method("tickscope.pricing.v1.PricingService/GetPrice")
                        .orElseThrow()))
                .contains(new HttpRoute("GET", "/v1/prices/{product_id}", ""));
        assertThat(HttpRoute.of(reflected
                        .method("tickscope.pricing.v1.PricingService/WatchPrices")
                        .orElseThrow()))
                .isEmpty();
    }

    @org.junit.jupiter.api.Test
    void sameContractHasNoDrift() {
        ServiceCatalog server = asReflected(PricingServiceProto.getDescriptor());

        assertThat(ContractDrift.between(ContractDescriptors.builtIn(), server)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void driftNamesTheRetypedRenamedMissingAndAddedFields() {
        FileDescriptorProto.Builder changed = PricingServiceProto.getDescriptor().toProto().toBuilder();
        for (var message : changed.getMessageTypeBuilderList()) {
            if (message.getName().equals("GetPriceRequest")) {
                message.getFieldBuilder(0).setType(FieldDescriptorProto.Type.TYPE_INT64);
                message.getFieldBuilder(1).setName("currency").setJsonName("currency");
                message.removeField(2);
                message.addField(FieldDescriptorProto.newBuilder()
                        .setName("region")
                        .setNumber(9)
                        .setType(FieldDescriptorProto.Type.TYPE_STRING)
                        .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL));
            }
        }
        Map<String, FileDescriptorProto> files = protosOf(PricingServiceProto.getDescriptor());
        files.put(changed.getName(), changed.build());
        ServiceCatalog server = ServiceCatalog.of(FileDescriptors.build(files.values()), List.of(), "test");

        assertThat(ContractDrift.between(ContractDescriptors.builtIn(), server))
                .containsExactly(
                        "tickscope.pricing.v1.GetPriceRequest.product_id: int64 on the server, string here",
                        "tickscope.pricing.v1.GetPriceRequest.currency_code (2): called currency on the server",
                        "tickscope.pricing.v1.GetPriceRequest.customer_segment (3): not on the server",
                        "tickscope.pricing.v1.GetPriceRequest.region (9): only on the server");
    }

    /** The descriptors as reflection delivers them: rebuilt from their protos, options as unknown fields. */
    private static ServiceCatalog asReflected(FileDescriptor file) {
        List<FileDescriptorProto> reparsed = new ArrayList<>();
        for (FileDescriptorProto proto : protosOf(file).values()) {
            try {
                reparsed.add(FileDescriptorProto.parseFrom(proto.toByteString()));
            } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                throw new IllegalStateException(e);
            }
        }
        return ServiceCatalog.of(FileDescriptors.build(reparsed), List.of(), "test");
    }

    private static FileDescriptorSet setOf(FileDescriptor file) {
        return FileDescriptorSet.newBuilder()
                .addAllFile(protosOf(file).values())
                .build();
    }

    private static Map<String, FileDescriptorProto> protosOf(FileDescriptor file) {
        Map<String, FileDescriptorProto> protos = new LinkedHashMap<>();
        collect(file, protos);
        return protos;
    }

    private static void collect(FileDescriptor file, Map<String, FileDescriptorProto> into) {
        if (into.containsKey(file.getName())) {
            return;
        }
        file.getDependencies().forEach(dependency -> collect(dependency, into));
        into.put(file.getName(), file.toProto());
    }
}
