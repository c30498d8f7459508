package io.quiver.wire.auth;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.security.ScramVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The server side of one SCRAM-SHA-256 exchange (RFC 5802/7677) without channel binding. For a role without a
 * SCRAM verifier (or no role at all) it runs against a mock verifier and fails at the end, as PostgreSQL does,
 * so a client cannot tell which roles exist.
 */
final class ScramExchange {
    static final String MECHANISM = "SCRAM-SHA-256";
    private static final int NONCE_BYTES = 18;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ScramVerifier verifier;
    private final boolean mock;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;
    private String gs2Header;

    ScramExchange(ScramVerifier verifier, String user) {
        this.mock = verifier == null;
        this.verifier = verifier != null ? verifier : mockVerifier(user);
    }

    /** A stable fake salt per user name, so repeated attempts look like those of a real role. */
    private static ScramVerifier mockVerifier(String user) {
        byte[] salt = new byte[16];
        System.arraycopy(ScramVerifier.sha256(("quiver-mock-" + user).getBytes(StandardCharsets.UTF_8)), 0, salt, 0, 16);
        return new ScramVerifier(ScramVerifier.DEFAULT_ITERATIONS, salt, new byte[32], new byte[32]);
    }

    /** Answers client-first-message ({@code n,,n=user,r=nonce}) with server-first-message. */
    String serverFirst(String clientFirst) {
        if (clientFirst.startsWith("p=")) {
            throw malformed("channel binding is not supported by this server");
        }
        if (!clientFirst.startsWith("n,") && !clientFirst.startsWith("y,")) {
            throw malformed("Unexpected channel-binding flag");
        }
        int bareStart = clientFirst.indexOf(',', 2);
        if (bareStart < 0) {
            throw malformed("Comma expected");
        }
        gs2Header = clientFirst.substring(0, bareStart + 1);
        clientFirstBare = clientFirst.substring(bareStart + 1);
        String clientNonce = attribute(clientFirstBare, 'r');
        byte[] serverNonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(serverNonce);
        nonce = clientNonce + Base64.getEncoder().encodeToString(serverNonce);
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(verifier.salt()) + ",i="
                + verifier.iterations();
        return serverFirst;
    }

    /**
     * Checks client-final-message's proof and answers with server-final-message.
     *
     * @throws QuiverException 28P01 if the proof is wrong (or the role had no verifier)
     */
    String serverFinal(String clientFinal, String user) {
        int proofStart = clientFinal.lastIndexOf(",p=");
        if (proofStart < 0) {
            throw malformed("Could not find proof");
        }
        String withoutProof = clientFinal.substring(0, proofStart);
        String channelBinding = attribute(withoutProof, 'c');
        if (!channelBinding.equals(Base64.getEncoder().encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8)))) {
            throw malformed("SCRAM channel binding check failed");
        }
        if (!attribute(withoutProof, 'r').equals(nonce)) {
            throw malformed("Unexpected SCRAM nonce");
        }
        byte[] proof;
        try {
            proof = Base64.getDecoder().decode(clientFinal.substring(proofStart + 3));
        } catch (IllegalArgumentException e) {
            throw malformed("invalid proof");
        }
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] clientSignature = ScramVerifier.hmac(verifier.storedKey(), authMessage);
        if (mock || proof.length != clientSignature.length) {
            throw Authentication.passwordFailed(user);
        }
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        if (!MessageDigest.isEqual(ScramVerifier.sha256(clientKey), verifier.storedKey())) {
            throw Authentication.passwordFailed(user);
        }
        return "v=" + Base64.getEncoder().encodeToString(ScramVerifier.hmac(verifier.serverKey(), authMessage));
    }

    private static String attribute(String message, char name) {
        for (String part : message.split(",")) {
            if (part.length() >= 2 && part.charAt(0) == name && part.charAt(1) == '=') {
                return part.substring(2);
            }
        }
        throw malformed("Expected attribute \"" + name + "\"");
    }

    private static QuiverException malformed(String detail) {
        return new QuiverException(SqlState.PROTOCOL_VIOLATION, "malformed SCRAM message", detail, null, 0, null);
    }
}
