package io.quiver.wire.auth;

import java.net.InetAddress;
import java.util.Set;

/**
 * One line of an hba file: {@code host|hostssl|hostnossl|local  database  user  address  method}.
 *
 * @param databases database names, or {@code all}
 * @param users role names, or {@code all}
 * @param address the client addresses it covers, or null for {@code all}
 * @param sameHost {@code samehost}: the client's address is one of the server's own
 */
public record HbaRule(ConnectionType type, Set<String> databases, Set<String> users, AddressRange address,
                      boolean sameHost, AuthMethod method, int lineNumber) {
    /** Where a client connects from, as a rule's first column matches it. */
    public enum ConnectionType { LOCAL, HOST, HOSTSSL, HOSTNOSSL }

    private static final String ALL = "all";

    public boolean matches(InetAddress client, boolean ssl, String database, String user) {
        boolean typeMatches = switch (type) {
            case LOCAL -> false; // Quiver listens on TCP only
            case HOST -> true;
            case HOSTSSL -> ssl;
            case HOSTNOSSL -> !ssl;
        };
        return typeMatches && matchesName(databases, database) && matchesName(users, user)
                && matchesAddress(client);
    }

    private static boolean matchesName(Set<String> names, String name) {
        return names.contains(ALL) || names.contains(name);
    }

    private boolean matchesAddress(InetAddress client) {
        if (sameHost) {
            return client.isLoopbackAddress() || isLocalInterface(client);
        }
        return address == null || address.contains(client);
    }

    private static boolean isLocalInterface(InetAddress client) {
        try {
            return java.net.NetworkInterface.getByInetAddress(client) != null;
        } catch (java.net.SocketException e) {
            return false;
        }
    }
}
