package io.tickscope.server.grpc;

import java.util.regex.Pattern;

/** The shape every product, book and user id must have before we look it up. */
final class Identifiers {

    private static final int MAX_LENGTH = 64;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}");

    private Identifiers() {}

    /**
     * Records a violation of {@code field} when {@code id} is not an id: 1 to 64 letters, digits, '-' or '_'.
     * Whether the id exists is the domain's question (NOT_FOUND), not this one.
     */
    static void check(RequestViolations violations, String field, String id, String example) {
        if (!ID.matcher(id).matches()) {
            violations.add(
                    field,
                    '"' + abbreviate(id) + "\" (expected: 1 to " + MAX_LENGTH
                            + " letters, digits, '-' or '_', for example \"" + example + "\")");
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= MAX_LENGTH ? value : value.substring(0, MAX_LENGTH) + "...";
    }
}
