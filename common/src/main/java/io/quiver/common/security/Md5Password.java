package io.quiver.common.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * PostgreSQL's legacy MD5 password hash, {@code "md5" + md5(password || user)}. Quiver never creates one, but
 * keeps one a client supplies already hashed (as PostgreSQL does) and can check passwords against it.
 */
public final class Md5Password {
    private static final Pattern STORED_FORM = Pattern.compile("md5[0-9a-f]{32}");

    private Md5Password() {
    }

    public static boolean isHash(String text) {
        return STORED_FORM.matcher(text).matches();
    }

    /** The stored form of {@code password} for {@code user}. */
    public static String hash(String password, String user) {
        return "md5" + md5Hex((password + user).getBytes(StandardCharsets.UTF_8));
    }

    /** What a client answers to an MD5 challenge: {@code "md5" + md5(storedHashWithoutPrefix || salt)}. */
    public static String challengeResponse(String storedHash, byte[] salt) {
        byte[] hex = storedHash.substring(3).getBytes(StandardCharsets.US_ASCII);
        byte[] message = new byte[hex.length + salt.length];
        System.arraycopy(hex, 0, message, 0, hex.length);
        System.arraycopy(salt, 0, message, hex.length, salt.length);
        return "md5" + md5Hex(message);
    }

    private static String md5Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks MD5", e);
        }
    }
}
