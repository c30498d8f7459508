package io.quiver.wire.protocol;

import io.quiver.common.error.QuiverException;
import java.util.List;
import java.util.Map;

/** Everything a client can send, decoded from its frame. */
public sealed interface FrontendMessage {
    /** The StartupMessage; the protocol version is {@code major.minor}. */
    record StartupMessage(int majorVersion, int minorVersion, Map<String, String> parameters)
            implements FrontendMessage {
    }

    /** SSLRequest or GSSENCRequest: both are refused with a single 'N' and the client goes on unencrypted. */
    record EncryptionRequest(int code) implements FrontendMessage {
    }

    record CancelRequest(int processId, int secretKey) implements FrontendMessage {
    }

    /** PasswordMessage, SASLInitialResponse or SASLResponse: the body means what the authentication step expects. */
    record Password(byte[] body) implements FrontendMessage {
    }

    record Query(String sql) implements FrontendMessage {
    }

    record Parse(String statementName, String sql, int[] parameterTypeOids) implements FrontendMessage {
    }

    /** A Bind; a null entry in {@code parameterValues} is SQL NULL. */
    record Bind(String portalName, String statementName, short[] parameterFormats, List<byte[]> parameterValues,
                short[] resultFormats) implements FrontendMessage {
    }

    /** Describe or Close: of a prepared statement ('S') or a portal ('P'). */
    enum Target { STATEMENT, PORTAL }

    record Describe(Target target, String name) implements FrontendMessage {
    }

    record Execute(String portalName, int maxRows) implements FrontendMessage {
    }

    record Close(Target target, String name) implements FrontendMessage {
    }

    record Sync() implements FrontendMessage {
    }

    record Flush() implements FrontendMessage {
    }

    record Terminate() implements FrontendMessage {
    }

    /** A chunk of COPY FROM STDIN data (ignored outside COPY, as PostgreSQL does). */
    record CopyData(byte[] data) implements FrontendMessage {
    }

    /** The end of COPY FROM STDIN data. */
    record CopyDone() implements FrontendMessage {
    }

    /** The client gave up a COPY FROM STDIN. */
    record CopyFail(String message) implements FrontendMessage {
    }

    /**
     * A frame that could not be read. A fatal one (bad framing) ends the connection; otherwise it is reported
     * like an error of the message it was meant to be.
     */
    record ProtocolError(QuiverException error, boolean fatal, boolean extendedQuery) implements FrontendMessage {
    }
}
