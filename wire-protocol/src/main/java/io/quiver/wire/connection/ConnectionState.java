package io.quiver.wire.connection;

import io.quiver.executor.api.PreparedStatement;
import io.quiver.executor.api.Session;
import java.util.HashMap;
import java.util.Map;

/** What one connection remembers between messages. Touched by the connection's worker only. */
final class ConnectionState {
    static final String UNNAMED = "";

    final Map<String, PreparedStatement> statements = new HashMap<>();
    final Map<String, BoundPortal> portals = new HashMap<>();
    /** Set by an error in extended query mode: messages are discarded until Sync, as PostgreSQL does. */
    boolean skippingUntilSync;
    /** The COPY FROM STDIN waiting for data, or null. */
    SimpleQueryFlow.CopyIn copyIn;
    /** Null until startup completes. Volatile because a disconnect cancels it from the event loop. */
    volatile Session session;

    void closePortal(String name) {
        BoundPortal portal = portals.remove(name);
        if (portal != null) {
            portal.portal().close();
        }
    }

    /**
     * At Sync or the end of a simple query: outside a transaction block, the portals end with the implicit
     * transaction, which then commits.
     */
    void endImplicitTransaction() {
        if (session.transactionStatus() == 'I') {
            portals.values().forEach(portal -> portal.portal().close());
            portals.clear();
            session.sync();
        }
    }

    void markFailedIfInTransactionBlock() {
        if (session != null && session.transactionStatus() == 'T') {
            session.markFailed();
        }
    }

    void close() {
        portals.values().forEach(portal -> portal.portal().close());
        portals.clear();
        statements.clear();
        if (session != null) {
            session.close();
        }
    }
}
