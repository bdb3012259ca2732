package io.tickscope.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
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

    private static String errorsOf(String... args) {
        StringWriter errors = new StringWriter();
        CommandLine command = new CommandLine(new ServerCommand()).setErr(new PrintWriter(errors));

        assertThat(command.execute(args)).isEqualTo(2);
        return errors.toString();
    }
}
