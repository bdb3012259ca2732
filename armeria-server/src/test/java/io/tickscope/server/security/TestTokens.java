package io.tickscope.server.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One token per role, written as a tokens file holds them: names, SHA-256 hashes and roles. */
final class TestTokens {

    static final String READER = "reader-token-4f1c";
    static final String PUBLISHER = "publisher-token-9a27";
    static final String ADMIN = "admin-token-d3b8";
    /** Not in the file: the server has never heard of it. */
    static final String UNKNOWN = "unknown-token-0000";

    private TestTokens() {}

    static Path writeTo(Path directory) throws IOException {
        return Files.writeString(
                directory.resolve("tokens"),
                "# test tokens\n"
                        + "dashboard " + TokenFile.hash(READER) + " reader\n"
                        + "feeder    " + TokenFile.hash(PUBLISHER) + " publisher   # pushes prices only\n"
                        + "operator  " + TokenFile.hash(ADMIN) + " admin\n");
    }
}
