package io.quiver.storage.backup;

import org.h2.mvstore.type.ByteArrayDataType;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.LongDataType;
import org.h2.mvstore.type.StringDataType;

/**
 * The kinds of transactional maps the storage engine keeps, told apart by name: what a backup copies and
 * what the change log records. Their key and value types are needed to reopen a map by name on restore.
 */
public enum MapKind {
    /** {@code table.<id>.rows}: row id to encoded row. */
    ROWS(LongDataType.INSTANCE, ByteArrayDataType.INSTANCE),
    /** {@code table.<id>.pkey}: encoded primary key to row id. */
    PRIMARY_KEY(ByteArrayDataType.INSTANCE, LongDataType.INSTANCE),
    /** {@code table.<id>.index.<index id>}: encoded key values (and row id) to row id. */
    SECONDARY_INDEX(ByteArrayDataType.INSTANCE, LongDataType.INSTANCE),
    /** {@code meta.<name>}: the catalog's maps. */
    META(StringDataType.INSTANCE, ByteArrayDataType.INSTANCE);

    private final DataType<?> keyType;
    private final DataType<?> valueType;

    MapKind(DataType<?> keyType, DataType<?> valueType) {
        this.keyType = keyType;
        this.valueType = valueType;
    }

    /** The kind of the map with this name, or null for the storage engine's own bookkeeping maps. */
    public static MapKind of(String mapName) {
        if (mapName.startsWith("meta.")) {
            return META;
        }
        if (mapName.startsWith("table.")) {
            if (mapName.endsWith(".rows")) {
                return ROWS;
            }
            if (mapName.endsWith(".pkey")) {
                return PRIMARY_KEY;
            }
            if (mapName.matches("table\\.\\d+\\.index\\.\\d+")) {
                return SECONDARY_INDEX;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    <K> DataType<K> keyType() {
        return (DataType<K>) keyType;
    }

    @SuppressWarnings("unchecked")
    <V> DataType<V> valueType() {
        return (DataType<V>) valueType;
    }
}
