package io.tickscope.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenFileTest {

    @TempDir
    Path directory;

    @Test
    void tokensAuthenticateAsTheirNamesWithTheirRoles() throws Exception {
        TokenFile tokens = TokenFile.read(TestTokens.writeTo(directory));

        assertThat(tokens.size()).isEqualTo(3);
        assertThat(tokens.authenticate(TestTokens.PUBLISHER)).contains(new Caller("feeder", Set.of(Role.PUBLISHER)));
        assertThat(tokens.authenticate(TestTokens.UNKNOWN)).isEmpty();
        assertThat(tokens.authenticate("")).isEmpty();
    }

    @Test
    void aLineMayGrantSeveralRoles() throws Exception {
        Path file = Files.writeString(
                directory.resolve("tokens"), "both " + TokenFile.hash("s3cret") + " reader,publisher\n");

        Caller caller = TokenFile.read(file).authenticate("s3cret").orElseThrow();

        assertThat(caller.holds(Role.READER)).isTrue();
        assertThat(caller.holds(Role.PUBLISHER)).isTrue();
        assertThat(caller.holds(Role.ADMIN)).isFalse();
    }

    @Test
    void hashIsTheHexSha256OfTheToken() {
        // printf %s test | sha256sum
        assertThat(TokenFile.hash("test"))
                .isEqualTo("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    }

    @Test
    void aPlainTokenInsteadOfItsHashIsRejectedWithItsLine() throws Exception {
        Path file = Files.writeString(directory.resolve("tokens"), "# header\nfeeder my-plain-token publisher\n");

        assertThatThrownBy(() -> TokenFile.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2: hash of feeder: my-plain-token (expected: 64 hex digits");
    }

    @Test
    void unknownRolesAndRepeatedNamesAreRejected() throws Exception {
        String hash = TokenFile.hash("x");
        Path unknownRole = Files.writeString(directory.resolve("roles"), "a " + hash + " reader,root\n");
        Path repeated = Files.writeString(directory.resolve("names"), "a " + hash + " reader\na " + hash + " admin\n");

        assertThatThrownBy(() -> TokenFile.read(unknownRole))
                .hasMessageContaining("line 1: role: \"root\" (expected: one of reader, publisher, admin)");
        assertThatThrownBy(() -> TokenFile.read(repeated))
                .hasMessageContaining("line 2: name: a (expected: each name once)");
    }

    @Test
    void aFileWithoutTokenLinesAcceptsNoToken() throws Exception {
        Path file = Files.writeString(directory.resolve("tokens"), "# every token revoked\n\n");

        TokenFile tokens = TokenFile.read(file);

        assertThat(tokens.size()).isZero();
        assertThat(tokens.authenticate(TestTokens.READER)).isEmpty();
        assertThat(tokens.authenticate("")).isEmpty();
    }

    @Test
    void aFileOfZeroBytesIsRefusedAsHalfWritten() throws Exception {
        Path file = Files.writeString(directory.resolve("tokens"), "");

        assertThatThrownBy(() -> TokenFile.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tokens file: " + file + ": 0 bytes, perhaps half-written (expected: token lines, or a"
                        + " comment line to accept no token)");
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() throws Exception {
        Path file = Files.write(directory.resolve("tokens"), new byte[] {'a', ' ', (byte) 0xff, '\n'});

        assertThatThrownBy(() -> TokenFile.read(file)).hasMessageContaining("(expected: UTF-8 text)");
    }

    @Test
    void namesAreListedInFileOrder() throws Exception {
        assertThat(TokenFile.read(TestTokens.writeTo(directory)).names())
                .containsExactly("dashboard", "feeder", "operator");
    }
}
