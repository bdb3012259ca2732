package io.tickscope.desktop.rpc.wire;

/** The shape of a call: how many messages go each way. */
public enum CallKind {
    UNARY("unary"),
    CLIENT_STREAMING("client stream"),
    SERVER_STREAMING("server stream"),
    BIDI_STREAMING("bidirectional"),
    /** A method whose descriptor does not say; generated stubs always do. */
    UNKNOWN("unknown");

    private final String label;

    CallKind(String label) {
        this.label = label;
    }

    /** Returns the kind in words, for example "server stream". */
    public String label() {
        return label;
    }
}
