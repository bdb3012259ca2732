package io.tickscope.desktop.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickscope.desktop.connection.ServerTarget.Scheme;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerTargetTest {

    @Test
    void readsHostAndPortAndLeavesTheTransportToTheFlags() {
        ServerTarget target = ServerTarget.parse(" prices.example.com:8443 ");

        assertThat(target).isEqualTo(ServerTarget.of(new ServerAddress("prices.example.com", 8443)));
        assertThat(target.usesTls(false)).isFalse();
        assertThat(target.usesTls(true)).isTrue();
        assertThat(target.isList()).isFalse();
    }

    @Test
    void readsUrlsAndTheirSchemePicksPlaintextOrTls() {
        ServerTarget plaintext = ServerTarget.parse("http://localhost:8080");
        ServerTarget tls = ServerTarget.parse("HTTPS://host:8443/");

        assertThat(plaintext.addresses()).containsExactly(new ServerAddress("localhost", 8080));
        assertThat(plaintext.usesTls(true)).isFalse();
        assertThat(tls.addresses()).containsExactly(new ServerAddress("host", 8443));
        assertThat(tls.usesTls(false)).isTrue();
    }

    @Test
    void aUrlWithoutAPortMeansTheSchemesPort() {
        assertThat(ServerTarget.parse("https://prices.example.com").addresses())
                .containsExactly(new ServerAddress("prices.example.com", 443));
        assertThat(ServerTarget.parse("http://prices.example.com").addresses())
                .containsExactly(new ServerAddress("prices.example.com", 80));
    }

    @Test
    void readsAListOfReplicasInOrder() {
        ServerTarget target = ServerTarget.parse("a:8080, b:8081,c:8082");

        assertThat(target.addresses())
                .containsExactly(
                        new ServerAddress("a", 8080), new ServerAddress("b", 8081), new ServerAddress("c", 8082));
        assertThat(target.scheme()).isEqualTo(Scheme.UNSPECIFIED);
        assertThat(target.isList()).isTrue();
    }

    @Test
    void aListTakesTheSchemeItsUrlsShare() {
        ServerTarget target = ServerTarget.parse("https://a:8443,b:8443");

        assertThat(target.scheme()).isEqualTo(Scheme.TLS);
        assertThat(target.toString()).isEqualTo("https://a:8443,https://b:8443");
    }

    @Test
    void writesWhatItReads() {
        for (String text : List.of("a:8080", "http://a:8080", "https://a:8443,https://b:8443", "a:1,b:2,c:3")) {
            assertThat(ServerTarget.parse(text)).hasToString(text);
            assertThat(ServerTarget.parse(ServerTarget.parse(text).toString())).isEqualTo(ServerTarget.parse(text));
        }
    }

    @Test
    void refusesWhatItCannotConnectToWithTheReasonAndTheExpectedForms() {
        assertThatThrownBy(() -> ServerTarget.parse("ftp://host:21"))
                .hasMessage("server: \"ftp://host:21\" has the scheme ftp:// (expected: http:// for plaintext or"
                        + " https:// for TLS)");
        assertThatThrownBy(() -> ServerTarget.parse("localhost"))
                .hasMessageStartingWith("server: \"localhost\" has no port (expected: host:port, http://host:port");
        assertThatThrownBy(() -> ServerTarget.parse("localhost:http"))
                .hasMessage("server: \"localhost:http\" (expected: a numeric port after the colon)");
        assertThatThrownBy(() -> ServerTarget.parse("https://host:8443/prices"))
                .hasMessageContaining("has more than a scheme, host and port")
                .hasMessageContaining("https://host:8443)");
        assertThatThrownBy(() -> ServerTarget.parse("http://a:8080,https://b:8443"))
                .hasMessageContaining("mixes http:// and https://");
        assertThatThrownBy(() -> ServerTarget.parse("a:8080,,b:8080")).hasMessageContaining("has an empty entry");
        assertThatThrownBy(() -> ServerTarget.parse("  ")).hasMessageStartingWith("server: \"\" (expected:");
        assertThatThrownBy(() -> ServerTarget.parse("a:70000")).hasMessage("port: 70000 (expected: 1 to 65535)");
    }

    @Test
    void theSchemeDecidesTheChannelsSecurity() {
        ChannelSecurity withCa = new ChannelSecurity(true, java.nio.file.Path.of("ca.pem"), null, null, null);

        assertThat(withCa.forTarget(ServerTarget.parse("http://a:8080"))).isEqualTo(ChannelSecurity.plaintext());
        assertThat(withCa.forTarget(ServerTarget.parse("https://a:8443"))).isSameAs(withCa);
        assertThat(ChannelSecurity.plaintext()
                        .forTarget(ServerTarget.parse("https://a:8443"))
                        .tls())
                .isTrue();
        assertThat(ChannelSecurity.plaintext().forTarget(ServerTarget.parse("a:8080")))
                .isEqualTo(ChannelSecurity.plaintext());
        ChannelSecurity withToken = new ChannelSecurity(true, null, null, null, java.nio.file.Path.of("token"));
        assertThatThrownBy(() -> withToken.forTarget(ServerTarget.parse("http://a:8080")))
                .hasMessageContaining("is plaintext, but --token-file token would send its token in clear text");
    }
}
