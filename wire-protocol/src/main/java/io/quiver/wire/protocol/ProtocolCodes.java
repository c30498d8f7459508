package io.quiver.wire.protocol;

/** The magic numbers of untyped startup packets. */
public final class ProtocolCodes {
    public static final int PROTOCOL_3_0 = 3 << 16;
    public static final int CANCEL_REQUEST = 80877102;
    public static final int SSL_REQUEST = 80877103;
    public static final int GSSENC_REQUEST = 80877104;

    private ProtocolCodes() {
    }
}
