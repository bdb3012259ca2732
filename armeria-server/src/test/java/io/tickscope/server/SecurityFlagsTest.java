package io.tickscope.server;

import static io.tickscope.server.ServerCommandLines.errorsOf;
import static io.tickscope.server.ServerCommandLines.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickscope.server.security.AdminAccess;
import io.tickscope.server.security.SecuritySettings;
import io.tickscope.server.security.TlsFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The security flags of the headless command: what they accept and how they refuse, before anything starts. */
class SecurityFlagsTest {

    @Test
    void helpListsTheSecurityFlags() {
        String help = new CommandLine(new ServerCommand()).getUsageMessage();

        assertThat(help).contains("--tls-cert", "--tls-key", "--tls-client-ca", "--tokens-file", "--admin-access");
    }

    @Test
    void defaultsAreThePlaintextDevelopmentSettings() {
        assertThat(parse().securitySettings()).isEqualTo(SecuritySettings.none());
    }

    @Test
    void flagsBecomeTheSecuritySettings() {
        SecuritySettings security = parse(
                        "--tls-cert", "s.crt",
                        "--tls-key", "s.key",
                        "--tls-client-ca", "ca.crt",
                        "--tokens-file", "tokens",
                        "--admin-access", "closed")
                .securitySettings();

        assertThat(security)
                .isEqualTo(new SecuritySettings(
                        TlsFiles.of(Path.of("s.crt"), Path.of("s.key")).withClientCa(Path.of("ca.crt")),
                        Path.of("tokens"),
                        AdminAccess.CLOSED));
    }

    @Test
    void aCertificateWithoutItsKeyIsRefused() {
        assertThat(errorsOf("--tls-cert", "server.crt"))
                .contains("--tls-cert and --tls-key: only one given (expected: both, or neither for plaintext)");
    }

    @Test
    void aClientCaWithoutServerTlsIsRefused() {
        assertThat(errorsOf("--tls-client-ca", "ca.crt"))
                .contains("--tls-client-ca: ca.crt (expected: with --tls-cert");
    }

    @Test
    void anUnknownAdminAccessIsRefused() {
        assertThat(errorsOf("--admin-access", "everyone")).contains("'everyone' (expected: loopback, admin or closed)");
    }
}
