package io.quiver.executor.schema;

import io.quiver.catalog.CatalogState;
import io.quiver.catalog.TableDefinition;
import io.quiver.executor.system.InformationSchema;
import io.quiver.executor.system.PgCatalogSchema;
import io.quiver.executor.system.QuiverCatalogViews;
import io.quiver.executor.system.StatisticsViews;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * Builds the Calcite schema tree a statement is planned against from one catalog version: a schema per user
 * schema, {@code pg_catalog} and {@code information_schema}, and two internal schemas keyed by table OID —
 * {@code quiver_dml} (tables with their row id, for UPDATE/DELETE) and {@code quiver_returning} (the rows a
 * DML statement changed, for RETURNING).
 */
public final class RootSchemaFactory {
    public static final String DML_SCHEMA = "quiver_dml";
    public static final String RETURNING_SCHEMA = "quiver_returning";

    private final TableStorageResolver storage;
    private CatalogState lastState;
    private SchemaPlus lastRoot;

    public RootSchemaFactory(TableStorageResolver storage) {
        this.storage = storage;
    }

    /** The schema tree of {@code state}; the tree of the newest committed version is built once and shared. */
    public synchronized SchemaPlus rootFor(CatalogState state) {
        if (state != lastState) {
            lastRoot = build(state);
            lastState = state;
        }
        return lastRoot;
    }

    private SchemaPlus build(CatalogState state) {
        SchemaPlus root = CalciteSchema.createRootSchema(false, false).plus();
        for (String schema : state.schemas()) {
            if (schema.equals(PgCatalogSchema.NAME) || schema.equals(InformationSchema.NAME)
                    || schema.equals(StatisticsViews.SCHEMA)) {
                continue;
            }
            root.add(schema, tables(state, t -> t.schema().equals(schema) ? t.name() : null,
                    t -> new StorageTable(t, storage, false)));
        }
        root.add(DML_SCHEMA, tables(state, t -> Long.toString(t.oid()), t -> new StorageTable(t, storage, true)));
        root.add(RETURNING_SCHEMA, tables(state, t -> Long.toString(t.oid()), ReturningTable::new));
        PgCatalogSchema.addTo(root);
        InformationSchema.addTo(root);
        QuiverCatalogViews.addTo(root);
        StatisticsViews.addTo(root);
        return root;
    }

    private static AbstractSchema tables(CatalogState state, Function<TableDefinition, String> naming,
                                         Function<TableDefinition, Table> factory) {
        Map<String, Table> tables = new HashMap<>();
        for (TableDefinition table : state.tables()) {
            String name = naming.apply(table);
            if (name != null) {
                tables.put(name, factory.apply(table));
            }
        }
        return new AbstractSchema() {
            @Override
            protected Map<String, Table> getTableMap() {
                return tables;
            }
        };
    }
}
