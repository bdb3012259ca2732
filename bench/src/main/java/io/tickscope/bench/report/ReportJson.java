package io.tickscope.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a report as JSON with the same content as the table, for scripts that compare runs. */
public final class ReportJson {

    private static final ObjectMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReportJson() {}

    /** Writes {@code report} to {@code file}, creating its directory. */
    public static void write(Report report, Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        if (directory != null) {
            Files.createDirectories(directory);
        }
        MAPPER.writeValue(file.toFile(), toTree(report));
    }

    static ObjectNode toTree(Report report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("conditions", MAPPER.valueToTree(report.conditions()));
        root.set("measurements", MAPPER.valueToTree(report.measurements()));
        ArrayNode targets = root.putArray("targets");
        for (Target target : report.targets()) {
            ObjectNode node = MAPPER.valueToTree(target);
            node.put("met", target.met());
            targets.add(node);
        }
        root.put("targetsMet", report.targetsMet());
        root.put("targetCount", report.targets().size());
        root.set("failures", MAPPER.valueToTree(report.failures()));
        return root;
    }
}
