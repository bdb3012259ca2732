package io.tickscope.server.grpc;

import com.linecorp.armeria.server.ServiceRequestContext;
import io.tickscope.server.error.InvalidArgumentException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The deadline of an HTTP stream, which has no {@code grpc-timeout}: a {@code timeout} query parameter or header
 * such as {@code 30s}, {@code 500ms}, {@code 5m}, {@code 1h} or ISO-8601 {@code PT30S}. None means the stream
 * lasts as long as the client stays, as a gRPC watch without a deadline does.
 */
final class StreamTimeout {

    static final String NAME = "timeout";

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    private StreamTimeout() {}

    /** Returns the request's timeout, or zero for none. */
    static Duration of(ServiceRequestContext ctx) {
        @Nullable String value = ctx.queryParam(NAME);
        if (value == null) {
            value = ctx.request().headers().get(NAME);
        }
        return value == null ? Duration.ZERO : parse(value);
    }

    private static Duration parse(String value) {
        Matcher shortForm = SHORT.matcher(value);
        Duration timeout;
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            timeout = switch (shortForm.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        } else {
            try {
                timeout = Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw invalid(value);
            }
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw invalid(value);
        }
        return timeout;
    }

    private static InvalidArgumentException invalid(String value) {
        return InvalidArgumentException.of(
                NAME, '"' + value + "\" (expected: a positive duration such as 30s, 500ms, 5m, 1h or PT30S)");
    }
}
