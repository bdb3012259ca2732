package io.tickscope.desktop.explorer.call;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One metadata entry of a call: a header or trailer, its name in lower case. Binary values are in base64. */
public record Header(String name, String value) {

    public Header {
        name = requireNonNull(name, "name").strip().toLowerCase(Locale.ROOT);
        requireNonNull(value, "value");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("header name: empty (expected: a name such as x-request-id)");
        }
    }

    /**
     * Parses {@code text}, one {@code name: value} per line (blank lines and lines starting with {@code #}
     * skipped), as a user types metadata.
     */
    public static List<Header> parseLines(String text) {
        List<Header> headers = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(
                        "metadata line: \"" + trimmed + "\" (expected: name: value, such as x-request-id: 42)");
            }
            headers.add(new Header(
                    trimmed.substring(0, colon), trimmed.substring(colon + 1).strip()));
        }
        return List.copyOf(headers);
    }

    @Override
    public String toString() {
        return name + ": " + value;
    }
}
