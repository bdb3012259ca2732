package io.tickscope.desktop.connection;

import static java.util.Objects.requireNonNull;

import io.grpc.Status;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Why the channel cannot reach its server, in words a person can act on: what went wrong, and what to do next.
 *
 * @param kind which of the usual mistakes it is
 * @param server the server as the channel names it, {@code prices.example.com:8443}
 * @param detail what gRPC or the system said, for whoever needs more
 */
public record ConnectionProblem(Kind kind, String server, String detail) {

    /** The usual reasons a server cannot be reached. */
    public enum Kind {
        /** No DNS entry or hosts-file line gives the name an address. */
        NAME_NOT_RESOLVED,
        /** The host answered that nothing listens on the port. */
        NOTHING_LISTENING,
        /** No answer before the deadline: a firewall, a wrong network, a server stuck. */
        NO_ANSWER,
        /** Anything else: TLS spoken to a plaintext port or the reverse, a refused certificate, ... */
        OTHER
    }

    public ConnectionProblem {
        requireNonNull(kind, "kind");
        requireNonNull(server, "server");
        requireNonNull(detail, "detail");
    }

    /** Reads the status of a call that failed because the channel cannot connect to {@code server}. */
    public static ConnectionProblem of(Status status, String server) {
        requireNonNull(status, "status");
        String detail = status.getCode()
                + (status.getDescription() != null ? ": " + status.getDescription() : "")
                + (status.getCause() != null ? " (" + status.getCause().getMessage() + ")" : "");
        return new ConnectionProblem(kindOf(status), server, detail);
    }

    /** What went wrong, in one or two sentences. */
    public String summary() {
        switch (kind) {
            case NAME_NOT_RESOLVED:
                return "The host name of " + server + " does not resolve: no DNS entry gives it an address.";
            case NOTHING_LISTENING:
                return "Nothing listens at " + server + ": the host refused the connection.";
            case NO_ANSWER:
                return server + " does not answer.";
            case OTHER:
                return "Cannot talk to " + server + ".";
        }
        throw new IllegalStateException("kind: " + kind);
    }

    /** What to do next. */
    public String advice() {
        switch (kind) {
            case NAME_NOT_RESOLVED:
                return "Check the spelling of the host name, or use the server's IP address.";
            case NOTHING_LISTENING:
                return "Check the port, and that the Tickscope server runs there: it prints READY with its port"
                        + " once it serves.";
            case NO_ANSWER:
                return "Check that the address is reachable from this computer (VPN, firewall), and that the"
                        + " server is not overloaded.";
            case OTHER:
                return "Check whether the server speaks TLS (https://host:port) or plaintext (http://host:port),"
                        + " and the TLS flags the monitor was started with.";
        }
        throw new IllegalStateException("kind: " + kind);
    }

    private static Kind kindOf(Status status) {
        for (Throwable cause = status.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return Kind.NAME_NOT_RESOLVED;
            }
            if (cause instanceof ConnectException && mentions(cause, "refused")) {
                return Kind.NOTHING_LISTENING;
            }
            if (cause instanceof ConnectException && mentions(cause, "timed out")) {
                return Kind.NO_ANSWER;
            }
        }
        if (status.getCode() == Status.Code.DEADLINE_EXCEEDED) {
            return Kind.NO_ANSWER;
        }
        return mentions(status.getDescription(), "resolve") ? Kind.NAME_NOT_RESOLVED : Kind.OTHER;
    }

    private static boolean mentions(Throwable cause, String words) {
        return mentions(cause.getMessage(), words);
    }

    private static boolean mentions(@Nullable String text, String words) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(words);
    }
}
