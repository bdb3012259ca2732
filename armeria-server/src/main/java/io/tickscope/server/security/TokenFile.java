package io.tickscope.server.security;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The bearer tokens a server accepts, read from a text file that holds only their SHA-256 hashes, so that the
 * file itself grants nothing when it leaks. One token per line, {@code #} starts a comment:
 *
 * <pre>
 * # name          sha256 of the token (printf %s "$TOKEN" | sha256sum)                roles
 * price-feeder    9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08  publisher
 * dashboard       60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752  reader
 * operator        fd61a03af4f77d870fc21e05e7e80678095c92d808cfb3b5c279ee04c74aca13  admin
 * </pre>
 *
 * <p>A presented token is hashed and compared with every entry in constant time, so neither the comparison nor
 * the position of a match tells an attacker anything.
 *
 * <p>A file without token lines (only comments, say {@code # every token revoked}) is valid and accepts no token:
 * every call that needs one is refused. A file of zero bytes is refused instead, because that is what a writer
 * that truncates before it writes leaves for a moment, and a server re-reading the file then must not lock every
 * client out.
 */
public final class TokenFile {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final List<Entry> entries;

    private TokenFile(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Reads {@code file}; throws with the line number and the reason on the first malformed line. */
    public static TokenFile read(Path file) {
        requireNonNull(file, "file");
        try {
            return parse(file, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("tokens file: " + file + " (expected: a readable text file): " + e, e);
        }
    }

    /** Parses {@code content}, read from {@code file}; throws with the line number and the reason. */
    static TokenFile parse(Path file, byte[] content) {
        if (content.length == 0) {
            throw new IllegalArgumentException("tokens file: " + file + ": 0 bytes, perhaps half-written (expected:"
                    + " token lines, or a comment line to accept no token)");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("tokens file: " + file + " (expected: UTF-8 text): " + e, e);
        }
        List<String> lines = text.lines().toList();
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = stripComment(lines.get(i));
            if (line.isEmpty()) {
                continue;
            }
            try {
                Entry entry = parse(line);
                if (!names.add(entry.caller().name())) {
                    throw new IllegalArgumentException(
                            "name: " + entry.caller().name() + " (expected: each name once)");
                }
                entries.add(entry);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "tokens file " + file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new TokenFile(entries);
    }

    /** Returns the caller {@code token} belongs to, or empty when no entry matches. */
    public Optional<Caller> authenticate(String token) {
        byte[] hash = sha256(token);
        Caller match = null;
        for (Entry entry : entries) {
            // No early exit: every entry is compared, whether or not one matched already.
            if (MessageDigest.isEqual(entry.tokenHash(), hash)) {
                match = entry.caller();
            }
        }
        return Optional.ofNullable(match);
    }

    public int size() {
        return entries.size();
    }

    /** The names of the tokens, in file order: what logs may show, never hashes. */
    List<String> names() {
        return entries.stream().map(entry -> entry.caller().name()).toList();
    }

    /** Returns the lower-case hex SHA-256 of {@code token}'s UTF-8 bytes: what a tokens file line holds. */
    public static String hash(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    private static Entry parse(String line) {
        String[] fields = WHITESPACE.split(line);
        if (fields.length != 3) {
            throw new IllegalArgumentException("\"" + line + "\" (expected: NAME SHA256_HEX ROLE[,ROLE...])");
        }
        String hex = fields[1].toLowerCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("hash of " + fields[0] + ": " + fields[1]
                    + " (expected: 64 hex digits, the SHA-256 of the token, never the token itself)");
        }
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(fields[2].split(",")).map(String::strip).map(Role::parse).forEach(roles::add);
        return new Entry(HexFormat.of().parseHex(hex), new Caller(fields[0], roles));
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return (hash < 0 ? line : line.substring(0, hash)).strip();
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256: missing (expected: every JDK to provide it)", e);
        }
    }

    private record Entry(byte[] tokenHash, Caller caller) {}
}
