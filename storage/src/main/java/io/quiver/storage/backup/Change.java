package io.quiver.storage.backup;

/**
 * One effect of a committed transaction on the store, as the change log records it.
 *
 * @param op what happened
 * @param name the map's name (for {@link Op#SEQUENCE}, the sequence's)
 * @param key the key (a Long, byte[] or String), null for {@link Op#DROP_MAP} and {@link Op#SEQUENCE}
 * @param value the new value for {@link Op#PUT} (a byte[] or Long) and {@link Op#SEQUENCE} (a Long), else null
 */
public record Change(Op op, String name, Object key, Object value) {
    public enum Op { PUT, REMOVE, DROP_MAP, SEQUENCE }

    static Change put(String map, Object key, Object value) {
        return new Change(Op.PUT, map, key, value);
    }

    static Change remove(String map, Object key) {
        return new Change(Op.REMOVE, map, key, null);
    }

    static Change dropMap(String map) {
        return new Change(Op.DROP_MAP, map, null, null);
    }

    static Change sequence(String name, long value) {
        return new Change(Op.SEQUENCE, name, null, value);
    }
}
