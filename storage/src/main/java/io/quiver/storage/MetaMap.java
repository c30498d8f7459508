package io.quiver.storage;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.tx.TransactionMap;

/**
 * A transactional String to byte[] map for the catalog, with the same snapshot and locking rules as table
 * rows: writing a key another open transaction wrote, or one changed since the snapshot, fails with 40001.
 */
public final class MetaMap {
    private final TransactionMap<String, byte[]> map;
    private final StorageErrors errors;

    MetaMap(TransactionMap<String, byte[]> map, StorageErrors errors) {
        this.map = map;
        this.errors = errors;
    }

    public byte[] get(String key) {
        return errors.call(() -> map.getFromSnapshot(key));
    }

    public void put(String key, byte[] value) {
        errors.run(() -> {
            map.lock(key);
            map.put(key, value);
        });
    }

    /** Removes a key; false when this transaction sees no such key. */
    public boolean remove(String key) {
        return errors.call(() -> {
            if (map.getFromSnapshot(key) == null) {
                return false;
            }
            map.lock(key);
            map.remove(key);
            return true;
        });
    }

    /** Every entry this transaction sees, in key order. */
    public List<Map.Entry<String, byte[]>> entries() {
        return entriesWithPrefix("");
    }

    /** The entries whose key starts with {@code prefix}, in key order. */
    public List<Map.Entry<String, byte[]>> entriesWithPrefix(String prefix) {
        return errors.call(() -> {
            List<Map.Entry<String, byte[]>> out = new ArrayList<>();
            var it = map.entryIterator(prefix, null);
            while (it.hasNext()) {
                Map.Entry<String, byte[]> e = it.next();
                if (!e.getKey().startsWith(prefix)) {
                    break;
                }
                out.add(new SimpleImmutableEntry<>(e.getKey(), e.getValue()));
            }
            return out;
        });
    }
}
