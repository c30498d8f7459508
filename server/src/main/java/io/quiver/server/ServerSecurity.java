package io.quiver.server;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.wire.auth.AuthMethod;
import io.quiver.wire.auth.HbaRules;
import io.quiver.wire.auth.SecurityConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLException;

/**
 * The server's authentication and TLS options.
 *
 * @param hbaFile an hba rule file, or null
 * @param auth the method for every client when there is no hba file, or null for none configured
 * @param tlsCertificate a PEM certificate chain, or null for no TLS
 * @param tlsKey its PKCS#8 PEM private key
 * @param superuserPasswordFile a file whose first line becomes the bootstrap superuser's password, or null
 */
public record ServerSecurity(Path hbaFile, AuthMethod auth, Path tlsCertificate, Path tlsKey,
                             Path superuserPasswordFile) {
    public static final ServerSecurity NONE = new ServerSecurity(null, null, null, null, null);

    /**
     * The listener's configuration. Without any authentication configured every client is trusted, which is
     * only allowed on a loopback address.
     */
    SecurityConfig toConfig(String host) {
        HbaRules rules;
        try {
            if (hbaFile != null) {
                rules = HbaRules.load(hbaFile);
            } else if (auth != null) {
                rules = HbaRules.everyone(auth);
            } else if (isLoopback(host)) {
                rules = HbaRules.everyone(AuthMethod.TRUST);
            } else {
                throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE, "refusing to listen on " + host
                        + " without authentication: give --auth scram-sha-256 (or --hba-file), or --auth trust to "
                        + "trust every client that can reach the port");
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE, "invalid hba file: " + e.getMessage(), e);
        }
        return new SecurityConfig(rules, tlsContext());
    }

    private SslContext tlsContext() {
        if (tlsCertificate == null && tlsKey == null) {
            return null;
        }
        if (tlsCertificate == null || tlsKey == null) {
            throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE, "TLS needs both --tls-cert and --tls-key");
        }
        try {
            return SslContextBuilder.forServer(tlsCertificate.toFile(), tlsKey.toFile()).build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE, "could not load the TLS certificate "
                    + tlsCertificate + " or key " + tlsKey + ": " + e.getMessage(), e);
        }
    }

    /** The bootstrap superuser's password from {@link #superuserPasswordFile}, or null. */
    String superuserPassword() {
        if (superuserPasswordFile == null) {
            return null;
        }
        try {
            return Files.readAllLines(superuserPasswordFile).stream().findFirst().orElse("").strip();
        } catch (IOException e) {
            throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE, "could not read the superuser password file "
                    + superuserPasswordFile + ": " + e.getMessage(), e);
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
