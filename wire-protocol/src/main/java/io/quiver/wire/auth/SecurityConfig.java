package io.quiver.wire.auth;

import io.netty.handler.ssl.SslContext;

/**
 * How a server authenticates clients and encrypts connections.
 *
 * @param hba the authentication rules; {@link #TRUST_ALL}'s trust everyone, which a server only does on loopback
 * @param tls the TLS context for clients that ask for SSL, or null to refuse SSL ('N')
 */
public record SecurityConfig(HbaRules hba, SslContext tls) {
    public static final SecurityConfig TRUST_ALL = new SecurityConfig(HbaRules.everyone(AuthMethod.TRUST), null);
}
