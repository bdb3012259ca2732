package io.tickscope.server.limits;

import com.linecorp.armeria.server.ServiceRequestContext;

/**
 * Names the client a call counts against for the per-client rate limit. Today that is the peer's IP address;
 * once calls carry an identity (a bearer token's subject), a key function of that identity replaces it here.
 */
@FunctionalInterface
public interface ClientKey {

    /** Returns the key of the client that sent the request of {@code ctx}. */
    String of(ServiceRequestContext ctx);

    /** Keys clients by IP address: every connection from one host shares one budget. */
    static ClientKey peerAddress() {
        return ctx -> ctx.clientAddress().getHostAddress();
    }
}
