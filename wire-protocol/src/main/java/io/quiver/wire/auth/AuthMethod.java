package io.quiver.wire.auth;

import java.util.Locale;

/** The authentication methods of an hba rule that Quiver supports. */
public enum AuthMethod {
    TRUST, REJECT, PASSWORD, MD5, SCRAM_SHA_256;

    /** The method as an hba file or {@code --auth} names it ({@code scram-sha-256}, {@code md5} ...). */
    public static AuthMethod parse(String name) {
        for (AuthMethod method : values()) {
            if (method.configName().equals(name.toLowerCase(Locale.ROOT))) {
                return method;
            }
        }
        throw new IllegalArgumentException("invalid authentication method \"" + name
                + "\" (Quiver supports trust, reject, password, md5 and scram-sha-256)");
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
