package io.quiver.wire.connection;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.executor.api.LoginRole;
import io.quiver.wire.auth.AuthMethod;
import io.quiver.wire.auth.Authentication;
import io.quiver.wire.auth.HbaRule;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

/** Picks a connecting client's hba rule and starts the authentication its method asks for. */
final class ClientAuthentication {
    private final ConnectionServices services;
    private final Channel channel;
    private final BackendOutput out;

    ClientAuthentication(ConnectionServices services, Channel channel, BackendOutput out) {
        this.services = services;
        this.channel = channel;
        this.out = out;
    }

    /**
     * @throws QuiverException FATAL 28000 when no rule matches or the rule rejects the client
     */
    Authentication begin(StartupFlow.Startup startup) {
        InetAddress client = ((InetSocketAddress) channel.remoteAddress()).getAddress();
        boolean ssl = channel.pipeline().get(SslHandler.class) != null;
        String connection = String.format("host \"%s\", user \"%s\", database \"%s\", %s", client.getHostAddress(),
                startup.user(), startup.database(), ssl ? "SSL encryption" : "no encryption");
        HbaRule rule = services.security().hba().match(client, ssl, startup.database(), startup.user())
                .orElseThrow(() -> new QuiverException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                        "no pg_hba.conf entry for " + connection));
        if (rule.method() == AuthMethod.REJECT) {
            throw new QuiverException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                    "pg_hba.conf rejects connection for " + connection);
        }
        Optional<LoginRole> role = services.engine().loginRole(startup.user());
        return new Authentication(rule.method(), startup.user(), role, out::send);
    }

    /**
     * After authentication, as PostgreSQL's InitializeSessionUserId: the role must exist and may log in.
     *
     * @throws QuiverException FATAL 28000 otherwise
     */
    static LoginRole requireLogin(ConnectionServices services, String user) {
        LoginRole role = services.engine().loginRole(user).orElseThrow(() -> QuiverException.of(
                SqlState.INVALID_AUTHORIZATION_SPECIFICATION, "role \"%s\" does not exist", user));
        if (!role.canLogin()) {
            throw QuiverException.of(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                    "role \"%s\" is not permitted to log in", user);
        }
        return role;
    }
}
