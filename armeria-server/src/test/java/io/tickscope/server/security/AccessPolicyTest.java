package io.tickscope.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickscope.server.security.Verdict.Outcome;
import java.net.InetAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules on their own, with peer addresses a server sees: IPv4 and IPv6 loopback, and remote ones. */
class AccessPolicyTest {

    private static final String GET_PRICE = "tickscope.pricing.v1.PricingService/GetPrice";

    @TempDir
    Path directory;

    @Test
    void withoutTokensEveryServiceMethodIsOpen() throws Exception {
        AccessPolicy policy = new AccessPolicy(null, AdminAccess.LOOPBACK);

        assertThat(policy.check(Access.READER, GET_PRICE, remote(), null).isAllowed())
                .isTrue();
        assertThat(policy.check(Access.PUBLISHER, GET_PRICE, remote(), null).isAllowed())
                .isTrue();
    }

    @Test
    void withoutTokensAdminSurfacesStayClosedToRemotePeers() throws Exception {
        AccessPolicy policy = new AccessPolicy(null, AdminAccess.LOOPBACK);

        assertThat(policy.check(Access.ADMIN_SURFACE, "/docs", InetAddress.getByName("127.0.0.1"), null)
                        .isAllowed())
                .isTrue();
        assertThat(policy.check(Access.ADMIN_SURFACE, "/docs", InetAddress.getByName("::1"), null)
                        .isAllowed())
                .isTrue();
        Verdict remote = policy.check(Access.ADMIN_SURFACE, "/docs", remote(), "Bearer " + TestTokens.ADMIN);
        assertThat(remote.outcome()).isEqualTo(Outcome.UNAUTHENTICATED);
        assertThat(remote.reason())
                .contains("/docs from 192.0.2.7 needs an admin token")
                .contains("no tokens file");
    }

    @Test
    void unknownServicesNeedAnAdminToken() throws Exception {
        AccessPolicy policy = withTestTokens();
        Access access = MethodAccess.of("grpc.testing.TestService/UnaryCall");

        assertThat(policy.check(access, "x", remote(), "Bearer " + TestTokens.READER)
                        .outcome())
                .isEqualTo(Outcome.PERMISSION_DENIED);
        assertThat(policy.check(access, "x", remote(), "Bearer " + TestTokens.ADMIN)
                        .isAllowed())
                .isTrue();
    }

    @Test
    void otherSchemesThanBearerAreUnauthenticated() throws Exception {
        AccessPolicy policy = withTestTokens();

        Verdict basic = policy.check(Access.READER, GET_PRICE, remote(), "Basic dXNlcjpwYXNz");

        assertThat(basic.outcome()).isEqualTo(Outcome.UNAUTHENTICATED);
        assertThat(basic.reason()).isEqualTo("authorization scheme: basic (expected: Bearer <token>)");
        assertThat(policy.check(Access.READER, GET_PRICE, remote(), "bearer " + TestTokens.READER)
                        .isAllowed())
                .isTrue();
    }

    private AccessPolicy withTestTokens() throws Exception {
        TokenFile tokens = TokenFile.read(TestTokens.writeTo(directory));
        return new AccessPolicy(() -> tokens, AdminAccess.LOOPBACK);
    }

    private static InetAddress remote() throws Exception {
        return InetAddress.getByName("192.0.2.7");
    }
}
