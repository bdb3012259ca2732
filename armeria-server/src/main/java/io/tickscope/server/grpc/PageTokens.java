package io.tickscope.server.grpc;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Page tokens of GetPriceHistory and GetPriceBars: opaque to clients (base64url), and checked against the
 * request they come back with, so a token of another product, resolution or range is refused with a message
 * instead of silently paging something else. A token carries the end of the range the first page fixed, so
 * that "until now" stays the same "now" across pages.
 */
final class PageTokens {

    private static final String SEPARATOR = "|";

    private PageTokens() {}

    /** Where a page starts: the query it belongs to and two numbers of position. */
    record Token(String query, long endNanos, long first, long second) {}

    /** Returns the token of {@code query} ending at {@code endNanos}, continuing after {@code first, second}. */
    static String encode(String query, long endNanos, long first, long second) {
        String plain =
                String.join(SEPARATOR, query, Long.toString(endNanos), Long.toString(first), Long.toString(second));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns the token {@code token} of {@code query}, or null after adding a violation of {@code page_token} to
     * {@code violations} when it is not one.
     */
    static @Nullable Token decode(String token, String query, RequestViolations violations) {
        String expected = "(expected: the next_page_token of the previous page of this request, with the same"
                + " product, resolution and start_time)";
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            violations.add("page_token", "\"" + abbreviate(token) + "\" is not a page token " + expected);
            return null;
        }
        int lastThree = nthSeparatorFromEnd(plain, 3);
        if (lastThree < 0 || !plain.substring(0, lastThree).equals(query)) {
            violations.add("page_token", "\"" + abbreviate(token) + "\" belongs to another request " + expected);
            return null;
        }
        List<String> numbers = List.of(plain.substring(lastThree + 1).split("\\|", -1));
        try {
            return new Token(
                    query,
                    Long.parseLong(numbers.get(0)),
                    Long.parseLong(numbers.get(1)),
                    Long.parseLong(numbers.get(2)));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            violations.add("page_token", "\"" + abbreviate(token) + "\" is not a page token " + expected);
            return null;
        }
    }

    private static int nthSeparatorFromEnd(String plain, int n) {
        int at = plain.length();
        for (int i = 0; i < n; i++) {
            at = plain.lastIndexOf(SEPARATOR, at - 1);
            if (at < 0) {
                return -1;
            }
        }
        return at;
    }

    private static String abbreviate(String token) {
        return token.length() <= 40 ? token : token.substring(0, 40) + "...";
    }
}
