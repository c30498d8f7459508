package io.quiver.executor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Compiled query plans shared by all sessions, so a statement text is parsed, optimised and compiled to
 * bytecode once. Keys include the catalog version, so DDL makes stale plans unreachable.
 */
public final class PlanCache {
    private static final int CAPACITY = 2048;

    /**
     * What identifies a reusable plan.
     *
     * @param enableIndexScan the setting the choice of B-tree index scans depends on (made while planning)
     */
    public record Key(String sql, String parameterTypes, long catalogVersion, String searchPath,
                      String enableIndexScan) {
    }

    private final Map<Key, Object> plans = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The cached plan for {@code key}, compiling (outside the lock: compiles are slow) when absent. */
    public <T> T get(Key key, Class<T> type, Supplier<T> compile) {
        synchronized (plans) {
            Object cached = plans.get(key);
            if (cached != null) {
                return type.cast(cached);
            }
        }
        T compiled = compile.get();
        synchronized (plans) {
            plans.put(key, compiled);
        }
        return compiled;
    }
}
