package io.tickscope.desktop.explorer.command;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.tickscope.desktop.explorer.schema.HttpRoute;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A composed call as the command line of another tool, to paste into a shell. */
public final class CommandLines {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([a-zA-Z0-9_.]+)(=[^}]*)?}");

    private CommandLines() {}

    /** {@code grpcurl} (which finds the method through the server's reflection). */
    public static String grpcurl(CallSpec call) {
        List<String> words = new ArrayList<>(List.of("grpcurl"));
        if (!call.tls()) {
            words.add("-plaintext");
        }
        addFile(words, "-cacert", call.caFile());
        addFile(words, "-cert", call.certificateFile());
        addFile(words, "-key", call.keyFile());
        for (Map.Entry<String, String> header : call.metadata()) {
            words.add("-H");
            words.add(header.getKey() + ": " + header.getValue());
        }
        Duration deadline = call.deadline();
        if (deadline != null) {
            words.add("-max-time");
            words.add(seconds(deadline));
        }
        words.add("-d");
        words.add(call.jsonBody());
        words.add(call.authority());
        words.add(call.method());
        return ShellQuoting.join(words);
    }

    /** {@code buf curl} over the gRPC protocol (HTTP/2 without TLS needs prior knowledge), using reflection. */
    public static String bufCurl(CallSpec call) {
        List<String> words = new ArrayList<>(List.of("buf", "curl", "--protocol", "grpc"));
        if (!call.tls()) {
            words.add("--http2-prior-knowledge");
        }
        addFile(words, "--cacert", call.caFile());
        addFile(words, "--cert", call.certificateFile());
        addFile(words, "--key", call.keyFile());
        for (Map.Entry<String, String> header : call.metadata()) {
            words.add("-H");
            words.add(header.getKey() + ": " + header.getValue());
        }
        Duration deadline = call.deadline();
        if (deadline != null) {
            words.add("--timeout");
            words.add(seconds(deadline) + "s");
        }
        words.add("-d");
        words.add(call.jsonBody());
        words.add(baseUrl(call) + "/" + call.method());
        return ShellQuoting.join(words);
    }

    /**
     * {@code curl} of the method's REST route: path variables filled from the request's fields, the rest as the
     * body ({@code body: "*"}) or, for a GET, as query parameters.
     */
    public static String curl(CallSpec call, HttpRoute route) {
        JsonObject fields = JsonParser.parseString(call.jsonBody()).getAsJsonObject();
        StringBuilder path = new StringBuilder();
        Matcher variable = PATH_VARIABLE.matcher(route.pathTemplate());
        while (variable.find()) {
            String name = variable.group(1);
            JsonElement value = removeField(fields, name);
            String text = value == null || value.isJsonNull()
                    ? ""
                    : value.isJsonPrimitive() ? value.getAsString() : value.toString();
            variable.appendReplacement(path, Matcher.quoteReplacement(URLEncoder.encode(text, StandardCharsets.UTF_8)));
        }
        variable.appendTail(path);
        List<String> words = new ArrayList<>(List.of("curl", "-sS"));
        addFile(words, "--cacert", call.caFile());
        addFile(words, "--cert", call.certificateFile());
        addFile(words, "--key", call.keyFile());
        if (!route.verb().equals("GET")) {
            words.add("-X");
            words.add(route.verb());
        }
        for (Map.Entry<String, String> header : call.metadata()) {
            words.add("-H");
            words.add(header.getKey() + ": " + header.getValue());
        }
        if (!route.body().isEmpty()) {
            words.add("-H");
            words.add("content-type: application/json");
            words.add("-d");
            words.add(route.body().equals("*") ? fields.toString() : String.valueOf(fields.get(route.body())));
        } else {
            String query = queryOf(fields);
            if (!query.isEmpty()) {
                path.append('?').append(query);
            }
        }
        words.add(baseUrl(call) + path);
        return ShellQuoting.join(words);
    }

    private static @org.jspecify.annotations.Nullable JsonElement removeField(JsonObject fields, String protoName) {
        JsonElement value = fields.remove(protoName);
        if (value != null) {
            return value;
        }
        return fields.remove(lowerCamel(protoName));
    }

    private static String queryOf(JsonObject fields) {
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, JsonElement> field : fields.entrySet()) {
            JsonElement value = field.getValue();
            List<JsonElement> values = new ArrayList<>();
            if (value.isJsonArray()) {
                value.getAsJsonArray().forEach(values::add);
            } else {
                values.add(value);
            }
            for (JsonElement one : values) {
                if (!one.isJsonPrimitive() || one.getAsString().isEmpty()) {
                    continue;
                }
                pairs.add(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(one.getAsString(), StandardCharsets.UTF_8));
            }
        }
        return String.join("&", pairs);
    }

    private static String lowerCamel(String snake) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    private static String baseUrl(CallSpec call) {
        return (call.tls() ? "https://" : "http://") + call.authority();
    }

    private static String seconds(Duration duration) {
        return String.valueOf(duration.toMillis() / 1000.0).replaceAll("\\.0$", "");
    }

    private static void addFile(List<String> words, String flag, @org.jspecify.annotations.Nullable Path file) {
        if (file != null) {
            words.add(flag);
            words.add(file.toString());
        }
    }
}
