package io.quiver.catalog;

import io.quiver.storage.MetaMap;
import io.quiver.storage.Sequence;
import io.quiver.storage.StorageEngine;
import io.quiver.storage.StorageTransaction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The source of truth for what exists. Versions are immutable {@link CatalogState}s; DDL runs inside a
 * storage transaction through a {@link CatalogTransaction}, is written to the transactional meta map (so it is
 * durable and rolled back together with the data), and is published as a new version when it commits.
 */
public final class Catalog {
    static final String META_MAP = "catalog";
    static final String TABLE_PREFIX = "table/";
    static final String SCHEMA_PREFIX = "schema/";
    static final String EXTENSION_PREFIX = "extension/";
    static final String ROLE_PREFIX = "role/";
    static final String TABLE_ACL_PREFIX = "acl/";
    /** PostgreSQL hands out user OIDs from 16384; Quiver's fixed type OIDs sit just above that. */
    private static final long FIRST_USER_OID = 16400;

    private final StorageEngine storage;
    private final Sequence oids;
    private volatile CatalogState current;

    private Catalog(StorageEngine storage, CatalogState loaded) {
        this.storage = storage;
        this.oids = storage.sequence("catalog_oids");
        if (oids.current() < FIRST_USER_OID) {
            oids.set(FIRST_USER_OID);
        }
        this.current = loaded;
    }

    /** Loads the catalog persisted in {@code storage}, or an empty one for a new data directory. */
    public static Catalog open(StorageEngine storage) {
        CatalogState state = CatalogState.empty();
        try (StorageTransaction tx = storage.begin()) {
            for (Map.Entry<String, byte[]> entry : tx.meta(META_MAP).entries()) {
                String key = entry.getKey();
                if (key.startsWith(TABLE_PREFIX)) {
                    state = state.withTable(TableDefinitionCodec.decode(key, entry.getValue()));
                } else if (key.startsWith(SCHEMA_PREFIX)) {
                    state = state.withSchema(key.substring(SCHEMA_PREFIX.length()));
                } else if (key.startsWith(EXTENSION_PREFIX)) {
                    state = state.withExtension(key.substring(EXTENSION_PREFIX.length()),
                            new String(entry.getValue(), StandardCharsets.UTF_8));
                } else if (key.startsWith(ROLE_PREFIX)) {
                    state = state.withRole(RoleDefinitionCodec.decode(entry.getValue()));
                } else if (key.startsWith(TABLE_ACL_PREFIX)) {
                    state = state.withTableAcl(Long.parseLong(key.substring(TABLE_ACL_PREFIX.length())),
                            TableAcl.decode(new String(entry.getValue(), StandardCharsets.UTF_8)));
                }
            }
            if (state.roleByOid(RoleDefinition.BOOTSTRAP_SUPERUSER_OID) == null) {
                // A new data directory (or one from before roles): initdb's superuser, persisted with the catalog.
                RoleDefinition bootstrap = RoleDefinition.bootstrapSuperuser();
                tx.meta(META_MAP).put(roleKey(bootstrap.oid()), RoleDefinitionCodec.encode(bootstrap));
                state = state.withRole(bootstrap);
                tx.commit();
            } else {
                tx.rollback();
            }
        }
        return new Catalog(storage, state);
    }

    /** The newest committed version. */
    public CatalogState current() {
        return current;
    }

    /** Starts recording DDL made inside {@code tx}; nothing is visible to others until {@link CatalogTransaction#publish()}. */
    public CatalogTransaction begin(StorageTransaction tx) {
        return new CatalogTransaction(this, current, tx.meta(META_MAP));
    }

    public StorageEngine storage() {
        return storage;
    }

    long nextOid() {
        return oids.next();
    }

    /** Applies a committed transaction's changes on top of whatever was committed meanwhile. */
    synchronized void publish(List<UnaryOperator<CatalogState>> changes) {
        CatalogState state = current;
        for (UnaryOperator<CatalogState> change : changes) {
            state = change.apply(state);
        }
        current = state.nextVersion();
    }

    static String roleKey(long oid) {
        return ROLE_PREFIX + oid;
    }

    static String tableAclKey(long tableOid) {
        return TABLE_ACL_PREFIX + tableOid;
    }

    static String tableKey(QualifiedTableName name) {
        return TABLE_PREFIX + name.schema() + "/" + name.name();
    }

    static void putText(MetaMap meta, String key, String value) {
        meta.put(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
