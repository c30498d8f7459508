package io.quiver.wire.auth;

import io.netty.buffer.ByteBuf;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.security.Md5Password;
import io.quiver.common.security.ScramVerifier;
import io.quiver.executor.api.LoginRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One client's authentication, as PostgreSQL's ClientAuthentication runs it for the method of the matching hba
 * rule: sends the request (cleartext password, MD5 salt, SASL mechanisms), checks the client's password
 * messages, and fails with PostgreSQL's FATAL errors. A role with a SCRAM verifier under {@code md5} is asked for
 * SCRAM, as PostgreSQL does.
 */
public final class Authentication {
    private static final int CLEARTEXT_PASSWORD = 3;
    private static final int MD5_PASSWORD = 5;
    private static final int SASL = 10;
    private static final int SASL_CONTINUE = 11;
    private static final int SASL_FINAL = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private enum Step { CLEARTEXT, MD5, SASL_INITIAL, SASL_FINAL, DONE }

    private final String user;
    private final Optional<LoginRole> role;
    private final Consumer<Consumer<ByteBuf>> send;
    private Step step;
    private byte[] md5Salt;
    private ScramExchange scram;

    /**
     * @param send writes one message into the connection's output (the caller flushes)
     */
    public Authentication(AuthMethod method, String user, Optional<LoginRole> role, Consumer<Consumer<ByteBuf>> send) {
        this.user = user;
        this.role = role;
        this.send = send;
        String stored = role.map(LoginRole::password).orElse(null);
        this.step = switch (method) {
            case TRUST -> Step.DONE;
            case REJECT -> throw new IllegalArgumentException("reject is decided before authentication");
            case PASSWORD -> Step.CLEARTEXT;
            case MD5 -> stored != null && Md5Password.isHash(stored) ? Step.MD5 : Step.SASL_INITIAL;
            case SCRAM_SHA_256 -> Step.SASL_INITIAL;
        };
        switch (step) {
            case CLEARTEXT -> send.accept(buf -> request(buf, CLEARTEXT_PASSWORD, null));
            case MD5 -> {
                md5Salt = new byte[4];
                RANDOM.nextBytes(md5Salt);
                send.accept(buf -> request(buf, MD5_PASSWORD, md5Salt));
            }
            case SASL_INITIAL -> send.accept(buf -> request(buf, SASL,
                    (ScramExchange.MECHANISM + "\0\0").getBytes(StandardCharsets.UTF_8)));
            default -> { }
        }
    }

    /** Whether the client is authenticated (then the caller checks the role may log in and starts the session). */
    public boolean done() {
        return step == Step.DONE;
    }

    /**
     * Handles a PasswordMessage, SASLInitialResponse or SASLResponse ('p'), whose body's meaning depends on the step.
     *
     * @throws QuiverException FATAL: 28P01 for a wrong password, 08P01 for a malformed message
     */
    public void respond(ByteBuf body) {
        switch (step) {
            case CLEARTEXT -> {
                checkPassword(readCString(body));
                step = Step.DONE;
            }
            case MD5 -> {
                String answer = readCString(body);
                String stored = role.map(LoginRole::password).orElseThrow();
                if (!MessageDigest.isEqual(answer.getBytes(StandardCharsets.UTF_8),
                        Md5Password.challengeResponse(stored, md5Salt).getBytes(StandardCharsets.UTF_8))) {
                    throw passwordFailed(user);
                }
                checkValidity();
                step = Step.DONE;
            }
            case SASL_INITIAL -> {
                String mechanism = readCString(body);
                if (!mechanism.equals(ScramExchange.MECHANISM)) {
                    throw new QuiverException(SqlState.PROTOCOL_VIOLATION,
                            "client selected an invalid SASL authentication mechanism");
                }
                int length = body.readInt();
                String clientFirst = body.readCharSequence(length < 0 ? 0 : length, StandardCharsets.UTF_8).toString();
                String stored = role.map(LoginRole::password).orElse(null);
                scram = new ScramExchange(stored == null ? null : ScramVerifier.parse(stored), user);
                String serverFirst = scram.serverFirst(clientFirst);
                send.accept(buf -> request(buf, SASL_CONTINUE, serverFirst.getBytes(StandardCharsets.UTF_8)));
                step = Step.SASL_FINAL;
            }
            case SASL_FINAL -> {
                String clientFinal = body.readCharSequence(body.readableBytes(), StandardCharsets.UTF_8).toString();
                String serverFinal = scram.serverFinal(clientFinal, user);
                checkValidity();
                send.accept(buf -> request(buf, SASL_FINAL, serverFinal.getBytes(StandardCharsets.UTF_8)));
                step = Step.DONE;
            }
            case DONE -> throw new QuiverException(SqlState.PROTOCOL_VIOLATION, "invalid frontend message type 112");
        }
    }

    /** What the connection says when another message comes while a password is awaited. */
    public QuiverException unexpected(char type) {
        String expected = step == Step.SASL_INITIAL || step == Step.SASL_FINAL ? "SASL response" : "password response";
        return QuiverException.of(SqlState.PROTOCOL_VIOLATION, "expected %s, got message type %d", expected, (int) type);
    }

    private void checkPassword(String password) {
        String stored = role.map(LoginRole::password).orElse(null);
        boolean matches = stored != null && !password.isEmpty() && (Md5Password.isHash(stored)
                ? MessageDigest.isEqual(Md5Password.hash(password, user).getBytes(StandardCharsets.UTF_8),
                        stored.getBytes(StandardCharsets.UTF_8))
                : ScramVerifier.parse(stored) != null && ScramVerifier.parse(stored).matches(password));
        if (!matches) {
            throw passwordFailed(user);
        }
        checkValidity();
    }

    /** VALID UNTIL: an expired password fails like a wrong one (the server log would say why). */
    private void checkValidity() {
        Instant validUntil = role.map(LoginRole::validUntil).orElse(null);
        if (validUntil != null && validUntil.isBefore(Instant.now())) {
            throw passwordFailed(user);
        }
    }

    static QuiverException passwordFailed(String user) {
        return QuiverException.of(SqlState.INVALID_PASSWORD, "password authentication failed for user \"%s\"", user);
    }

    private static String readCString(ByteBuf body) {
        int end = body.indexOf(body.readerIndex(), body.writerIndex(), (byte) 0);
        if (end < 0) {
            throw new QuiverException(SqlState.PROTOCOL_VIOLATION, "invalid password packet size");
        }
        String value = body.toString(body.readerIndex(), end - body.readerIndex(), StandardCharsets.UTF_8);
        body.readerIndex(end + 1);
        return value;
    }

    /** An AuthenticationXXX message ('R') with its code and optional payload. */
    private static void request(ByteBuf out, int code, byte[] payload) {
        out.writeByte('R');
        out.writeInt(4 + 4 + (payload == null ? 0 : payload.length));
        out.writeInt(code);
        if (payload != null) {
            out.writeBytes(payload);
        }
    }
}
