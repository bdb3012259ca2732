package io.tickscope.server.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tokens of {@code --tokens-file}, read at start and again on an interval while the server runs, as the TLS
 * files are (see {@link WatchedFiles}). A changed file that parses replaces the tokens at once for every call
 * that starts afterwards: a revoked token is refused on its next call, while calls already running (a price
 * stream, say) are not cut, because a call is checked once, when it starts. A file that does not parse (a
 * malformed line, a file half-written, unreadable or deleted) leaves the tokens in force and is logged once at
 * WARN, with the file, the line and the reason.
 *
 * <p>A reload cannot turn authentication off: a file without token lines means that no token is accepted, not
 * that tokens are no longer needed. Only a server started without {@code --tokens-file} runs without tokens, and
 * a reload cannot turn them on either.
 */
final class ReloadingTokenFile {

    private static final Logger logger = LoggerFactory.getLogger(ReloadingTokenFile.class);

    private final Path file;
    private final WatchedFiles<TokenFile> watched;

    private ReloadingTokenFile(Path file) {
        this.file = file;
        watched = new WatchedFiles<>(
                List.of(file), contents -> TokenFile.parse(file, contents.get(0)), this::reloaded, this::refused);
        logger.info("tokens file {} loaded: {}", file, describe(watched.current()));
    }

    /**
     * Reads {@code file} now, so that a malformed one stops the start with its line number.
     *
     * @throws IllegalArgumentException naming the file, the line and the reason
     */
    static ReloadingTokenFile read(Path file) {
        return new ReloadingTokenFile(file);
    }

    /** The tokens in force: a call checks its token against one reading, whatever a reload does meanwhile. */
    TokenFile current() {
        return watched.current();
    }

    /** Re-reads the file every {@code interval} on {@code executor}, until {@link #stopWatching()}. */
    void watch(Duration interval, ScheduledExecutorService executor) {
        watched.watch(interval, executor);
    }

    void stopWatching() {
        watched.stopWatching();
    }

    private void reloaded(TokenFile tokens) {
        logger.info("tokens file {} reloaded: {}", file, describe(tokens));
    }

    private void refused(String reason) {
        logger.warn(
                "tokens file {} changed but cannot be used, so the tokens read before stay in force ({}): {}",
                file,
                describe(watched.current()),
                reason);
    }

    private static String describe(TokenFile tokens) {
        return switch (tokens.size()) {
            case 0 -> "no tokens, every call that needs one is refused";
            case 1 -> "1 token " + tokens.names();
            default -> tokens.size() + " tokens " + tokens.names();
        };
    }
}
