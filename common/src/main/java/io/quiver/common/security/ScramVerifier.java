package io.quiver.common.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A SCRAM-SHA-256 password verifier (RFC 5802/7677) in PostgreSQL's stored form
 * {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>}: what the server keeps instead of a
 * password, enough to check a client's proof but not to impersonate it.
 */
public record ScramVerifier(int iterations, byte[] salt, byte[] storedKey, byte[] serverKey) {
    /** PostgreSQL's scram_iterations default. */
    public static final int DEFAULT_ITERATIONS = 4096;
    private static final int SALT_LENGTH = 16;
    private static final Pattern STORED_FORM = Pattern.compile(
            "SCRAM-SHA-256\\$(\\d+):([A-Za-z0-9+/=]+)\\$([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]+)");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A verifier of {@code password} with a fresh random salt. */
    public static ScramVerifier create(String password) {
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        return derive(password, salt, DEFAULT_ITERATIONS);
    }

    public static ScramVerifier derive(String password, byte[] salt, int iterations) {
        byte[] salted = saltedPassword(password, salt, iterations);
        return new ScramVerifier(iterations, salt, sha256(hmac(salted, "Client Key")), hmac(salted, "Server Key"));
    }

    /** Whether {@code text} is a stored verifier (a client may send one already hashed as the password). */
    public static boolean isVerifier(String text) {
        return parse(text) != null;
    }

    /** The verifier in {@code text}, or null if it is not one (a plain password, an MD5 hash). */
    public static ScramVerifier parse(String text) {
        Matcher m = STORED_FORM.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            byte[] storedKey = base64.decode(m.group(3));
            byte[] serverKey = base64.decode(m.group(4));
            if (storedKey.length != 32 || serverKey.length != 32) {
                return null;
            }
            return new ScramVerifier(Integer.parseInt(m.group(1)), base64.decode(m.group(2)), storedKey, serverKey);
        } catch (IllegalArgumentException notBase64OrTooLong) {
            return null;
        }
    }

    /** Whether {@code password} is the one this verifier was made of. */
    public boolean matches(String password) {
        ScramVerifier candidate = derive(password, salt, iterations);
        return MessageDigest.isEqual(candidate.storedKey, storedKey)
                && MessageDigest.isEqual(candidate.serverKey, serverKey);
    }

    public String stored() {
        Base64.Encoder base64 = Base64.getEncoder();
        return "SCRAM-SHA-256$" + iterations + ":" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(storedKey) + ":" + base64.encodeToString(serverKey);
    }

    public static byte[] hmac(byte[] key, String message) {
        return hmac(key, message.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /**
     * Hi() of RFC 5802, which is PBKDF2 with HMAC-SHA-256. PostgreSQL SASLpreps the password when it is valid
     * UTF-8 and uses it as is otherwise; ASCII passwords, the common case, are unchanged by SASLprep.
     */
    private static byte[] saltedPassword(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScramVerifier v && v.iterations == iterations && Arrays.equals(v.salt, salt)
                && Arrays.equals(v.storedKey, storedKey) && Arrays.equals(v.serverKey, serverKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(storedKey);
    }

    @Override
    public String toString() {
        return "ScramVerifier[iterations=" + iterations + "]";
    }
}
