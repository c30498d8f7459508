package io.quiver.wire.connection;

import io.quiver.executor.api.Session;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The BackendKeyData of every live session, so that a CancelRequest on another connection can find it. */
public final class BackendKeyRegistry {
    /** The process id and secret a client must quote to cancel its query. */
    public record BackendKey(int processId, int secretKey) {
    }

    private final AtomicInteger lastProcessId = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();
    private final Map<Integer, Registration> sessions = new ConcurrentHashMap<>();

    private record Registration(int secretKey, Session session) {
    }

    BackendKey newKey() {
        return new BackendKey(lastProcessId.incrementAndGet(), random.nextInt());
    }

    void register(BackendKey key, Session session) {
        sessions.put(key.processId(), new Registration(key.secretKey(), session));
    }

    void unregister(BackendKey key) {
        sessions.remove(key.processId());
    }

    /** Cancels the session's running statement if the key matches; a wrong key is ignored, as in PostgreSQL. */
    void cancel(int processId, int secretKey) {
        Registration registration = sessions.get(processId);
        if (registration != null && registration.secretKey() == secretKey) {
            registration.session().cancel();
        }
    }
}
