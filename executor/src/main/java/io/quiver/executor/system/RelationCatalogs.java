package io.quiver.executor.system;

import io.quiver.executor.security.AclText;
import io.quiver.catalog.ColumnDefinition;
import io.quiver.catalog.IndexDefinition;
import io.quiver.catalog.SqlType;
import io.quiver.catalog.TableDefinition;
import io.quiver.common.type.PgType;
import io.quiver.executor.stats.TableStatistics;
import java.util.Collections;
import java.util.stream.Collectors;

/**
 * pg_class and the catalogs that describe relations: pg_attribute, pg_attrdef, pg_index, pg_constraint,
 * pg_sequence and the pg_indexes and pg_tables views. A primary key is an index and a constraint, a vector
 * index an index, a serial column's default a pg_attrdef row and its sequence a relation, as in PostgreSQL.
 */
final class RelationCatalogs {
    static final SystemTable CLASS = new SystemTable(
            "oid:oid relname:name relnamespace:oid reltype:oid reloftype:oid relowner:oid relam:oid "
                    + "relfilenode:oid reltablespace:oid relpages:int4 reltuples:float4 relallvisible:int4 "
                    + "reltoastrelid:oid relhasindex:bool relisshared:bool relpersistence:char relkind:char "
                    + "relnatts:int2 relchecks:int2 relhasrules:bool relhastriggers:bool relhassubclass:bool "
                    + "relrowsecurity:bool relforcerowsecurity:bool relispopulated:bool relreplident:char "
                    + "relispartition:bool relrewrite:oid relfrozenxid:oid relminmxid:oid relacl:_text "
                    + "reloptions:_text relpartbound:text",
            RelationCatalogs::classes);
    static final SystemTable ATTRIBUTE = new SystemTable(
            "attrelid:oid attname:name atttypid:oid attstattarget:int4 attlen:int2 attnum:int2 attndims:int4 "
                    + "attcacheoff:int4 atttypmod:int4 attbyval:bool attalign:char attstorage:char "
                    + "attcompression:char attnotnull:bool atthasdef:bool atthasmissing:bool attidentity:char "
                    + "attgenerated:char attisdropped:bool attislocal:bool attinhcount:int4 attcollation:oid "
                    + "attacl:_text attoptions:_text attfdwoptions:_text attmissingval:text",
            RelationCatalogs::attributes);
    static final SystemTable ATTRDEF = new SystemTable("oid:oid adrelid:oid adnum:int2 adbin:text",
            (context, rows) -> {
                for (TableDefinition table : context.catalog().tables()) {
                    for (int i = 0; i < table.columns().size(); i++) {
                        ColumnDefinition column = table.column(i);
                        if (hasAttrdef(column)) {
                            rows.add().set("oid", SystemObjects.attrdefOid(table, i + 1)).set("adrelid", table.oid())
                                    .set("adnum", i + 1).set("adbin", column.defaultSql());
                        }
                    }
                }
            });
    static final SystemTable INDEX = new SystemTable(
            "indexrelid:oid indrelid:oid indnatts:int2 indnkeyatts:int2 indisunique:bool "
                    + "indnullsnotdistinct:bool indisprimary:bool indisexclusion:bool indimmediate:bool "
                    + "indisclustered:bool indisvalid:bool indcheckxmin:bool indisready:bool indislive:bool "
                    + "indisreplident:bool indkey:int2vector indcollation:oidvector indclass:oidvector "
                    + "indoption:int2vector indexprs:text indpred:text",
            RelationCatalogs::indexes);
    static final SystemTable CONSTRAINT = new SystemTable(
            "oid:oid conname:name connamespace:oid contype:char condeferrable:bool condeferred:bool "
                    + "convalidated:bool conrelid:oid contypid:oid conindid:oid conparentid:oid confrelid:oid "
                    + "confupdtype:char confdeltype:char confmatchtype:char conislocal:bool coninhcount:int4 "
                    + "connoinherit:bool conkey:_int2 confkey:_int2 conpfeqop:_oid conppeqop:_oid conffeqop:_oid "
                    + "confdelsetcols:_int2 conexclop:_oid conbin:text",
            (context, rows) -> {
                for (TableDefinition table : context.catalog().tables()) {
                    if (table.primaryKey().isEmpty()) {
                        continue;
                    }
                    Short[] key = table.primaryKey().stream().map(i -> (short) (i + 1)).toArray(Short[]::new);
                    rows.add().set("oid", SystemObjects.primaryKeyConstraintOid(table))
                            .set("conname", table.primaryKeyName())
                            .set("connamespace", SystemObjects.namespaceOid(table.schema())).set("contype", "p")
                            .set("condeferrable", false).set("condeferred", false).set("convalidated", true)
                            .set("conrelid", table.oid()).set("contypid", 0)
                            .set("conindid", SystemObjects.primaryKeyIndexOid(table)).set("conparentid", 0)
                            .set("confrelid", 0).set("confupdtype", " ").set("confdeltype", " ")
                            .set("confmatchtype", " ").set("conislocal", true).set("coninhcount", 0)
                            .set("connoinherit", true).set("conkey", key);
                }
            });
    static final SystemTable SEQUENCE = new SystemTable(
            "seqrelid:oid seqtypid:oid seqstart:int8 seqincrement:int8 seqmax:int8 seqmin:int8 seqcache:int8 "
                    + "seqcycle:bool",
            (context, rows) -> {
                for (TableDefinition table : context.catalog().tables()) {
                    for (Relation relation : Relations.ofTable(table)) {
                        if (relation.kind() == Relation.SEQUENCE) {
                            PgType type = table.column(relation.attnum() - 1).type().type();
                            rows.add().set("seqrelid", relation.oid()).set("seqtypid", type.oid())
                                    .set("seqstart", 1).set("seqincrement", 1).set("seqmax", maxValue(type))
                                    .set("seqmin", 1).set("seqcache", 1).set("seqcycle", false);
                        }
                    }
                }
            });
    static final SystemTable INDEXES = new SystemTable(
            "schemaname:name tablename:name indexname:name tablespace:name indexdef:text",
            (context, rows) -> {
                for (TableDefinition table : context.catalog().tables()) {
                    if (!table.primaryKey().isEmpty()) {
                        rows.add().set("schemaname", table.schema()).set("tablename", table.name())
                                .set("indexname", table.primaryKeyName())
                                .set("indexdef", IndexDefinitions.createIndex(table));
                    }
                    boolean opclassVisible = opclassVisible(context);
                    for (IndexDefinition index : table.indexes()) {
                        rows.add().set("schemaname", table.schema()).set("tablename", table.name())
                                .set("indexname", index.name())
                                .set("indexdef", IndexDefinitions.createIndex(table, index, opclassVisible));
                    }
                }
            });
    static final SystemTable TABLES = new SystemTable(
            "schemaname:name tablename:name tableowner:name tablespace:name hasindexes:bool hasrules:bool "
                    + "hastriggers:bool rowsecurity:bool",
            (context, rows) -> {
                for (TableDefinition table : context.catalog().tables()) {
                    rows.add().set("schemaname", table.schema()).set("tablename", table.name())
                            .set("tableowner", context.session().options().user())
                            .set("hasindexes", hasIndex(table)).set("hasrules", false)
                            .set("hastriggers", false).set("rowsecurity", false);
                }
            });

    /** A sequence relation's columns: last_value, log_cnt and is_called. */
    private static final int SEQUENCE_COLUMNS = 3;

    private RelationCatalogs() {
    }

    static boolean hasIndex(TableDefinition table) {
        return !table.primaryKey().isEmpty() || !table.indexes().isEmpty();
    }

    /** Whether pgvector's operator classes (in public) are visible, so pg_get_indexdef leaves them unqualified. */
    static boolean opclassVisible(SystemContext context) {
        return context.session() == null || PgFunctions.visibleSchemas(context.session()).contains("public");
    }

    /** Identity columns have their default in attidentity, not in pg_attrdef. */
    private static boolean hasAttrdef(ColumnDefinition column) {
        return column.defaultSql() != null && !column.identity();
    }

    private static long maxValue(PgType type) {
        return switch (type) {
            case INT2 -> Short.MAX_VALUE;
            case INT4 -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
    }

    private static void classes(SystemContext context, SystemTable.Rows rows) {
        for (Relation relation : Relations.all(context.catalog())) {
            TableDefinition table = relation.table();
            long namespace = SystemObjects.namespaceOid(relation.schema());
            boolean hasIndex = relation.kind() == Relation.TABLE && table != null && hasIndex(table);
            rows.add().set("oid", relation.oid()).set("relname", relation.name()).set("relnamespace", namespace)
                    .set("reltype", 0).set("reloftype", 0).set("relowner", table == null
                            ? SystemObjects.BOOTSTRAP_SUPERUSER : context.catalog().tableAcl(table.oid()).owner())
                    .set("relam", accessMethod(relation))
                    .set("relfilenode", relation.kind() == Relation.VIEW ? 0 : relation.oid())
                    .set("reltablespace", 0).set("relpages", 0).set("reltuples", reltuples(context, relation))
                    .set("relallvisible", 0)
                    .set("reltoastrelid", 0).set("relhasindex", hasIndex).set("relisshared", false)
                    .set("relpersistence", "p").set("relkind", String.valueOf(relation.kind()))
                    .set("relnatts", attributeCount(relation)).set("relchecks", 0).set("relhasrules", false)
                    .set("relhastriggers", false).set("relhassubclass", false).set("relrowsecurity", false)
                    .set("relforcerowsecurity", false).set("relispopulated", true)
                    .set("relreplident", relation.kind() == Relation.TABLE ? "d" : "n").set("relispartition", false)
                    .set("relrewrite", 0).set("relfrozenxid", 0).set("relminmxid", 0)
                    .set("relacl", table == null || relation.kind() != Relation.TABLE ? null
                            : AclText.relacl(context.catalog(), context.catalog().tableAcl(table.oid())))
                    .set("reloptions", relation.index() == null ? null
                            : IndexDefinitions.relOptions(relation.index()));
        }
    }

    /** A user table's live row count, kept with every commit; -1 ("never counted") for the rest, as PostgreSQL. */
    private static float reltuples(SystemContext context, Relation relation) {
        if (relation.kind() != Relation.TABLE || relation.table() == null) {
            return -1;
        }
        return context.session().engine().statistics().read(relation.table(), TableStatistics::liveRows);
    }

    private static long accessMethod(Relation relation) {
        if (relation.index() != null) {
            return IndexDefinitions.accessMethod(relation.index());
        }
        return switch (relation.kind()) {
            case Relation.TABLE -> SystemObjects.HEAP_AM;
            case Relation.INDEX -> SystemObjects.BTREE_AM;
            default -> 0;
        };
    }

    private static int attributeCount(Relation relation) {
        if (!relation.isUserRelation()) {
            return 0;
        }
        return switch (relation.kind()) {
            case Relation.TABLE -> relation.table().columns().size();
            case Relation.INDEX -> relation.index() != null ? IndexDefinitions.keyCount(relation.index())
                    : relation.table().primaryKey().size();
            default -> SEQUENCE_COLUMNS;
        };
    }

    private static void attributes(SystemContext context, SystemTable.Rows rows) {
        for (TableDefinition table : context.catalog().tables()) {
            for (int i = 0; i < table.columns().size(); i++) {
                attribute(rows, table.oid(), table, i, i + 1);
            }
            // An index's attributes are its key columns, numbered from 1, as in PostgreSQL.
            for (int k = 0; k < table.primaryKey().size(); k++) {
                attribute(rows, SystemObjects.primaryKeyIndexOid(table), table, table.primaryKey().get(k), k + 1);
            }
            for (IndexDefinition index : table.indexes()) {
                if (index.expression() != null) {
                    attribute(rows, index.oid(), index.expression().figureName(table::columnNameAtSlot),
                            index.expression().type(), 1, null);
                    continue;
                }
                for (int k = 0; k < index.columns().size(); k++) {
                    attribute(rows, index.oid(), table, index.columns().get(k), k + 1);
                }
            }
        }
    }

    /** Column {@code i} of {@code table} as attribute {@code attnum} of {@code relation}, the table or an index. */
    private static void attribute(SystemTable.Rows rows, long relation, TableDefinition table, int i, int attnum) {
        ColumnDefinition column = table.column(i);
        attribute(rows, relation, column.name(), column.type(), attnum, relation == table.oid() ? column : null);
    }

    /**
     * An attribute named {@code name} of {@code sqlType}: a table's column {@code tableColumn}, or (null) an
     * index's key, which has no constraints, defaults or identity.
     */
    private static void attribute(SystemTable.Rows rows, long relation, String name, SqlType sqlType, int attnum,
                                  ColumnDefinition tableColumn) {
        PgType type = sqlType.type();
        TypeTraits traits = TypeTraits.of(type);
        boolean ofTable = tableColumn != null;
        rows.add().set("attrelid", relation).set("attname", name).set("atttypid", type.oid())
                .set("attstattarget", -1).set("attlen", type.typlen()).set("attnum", attnum)
                .set("attndims", type.isArray() ? 1 : 0).set("attcacheoff", -1)
                .set("atttypmod", sqlType.typmod()).set("attbyval", traits.byValue())
                .set("attalign", traits.align()).set("attstorage", traits.storage())
                .set("attcompression", "").set("attnotnull", ofTable && tableColumn.notNull())
                .set("atthasdef", ofTable && hasAttrdef(tableColumn)).set("atthasmissing", false)
                .set("attidentity", ofTable && tableColumn.identity() ? "d" : "").set("attgenerated", "")
                .set("attisdropped", false).set("attislocal", true).set("attinhcount", 0)
                .set("attcollation", traits.collation());
    }

    private static void indexes(SystemContext context, SystemTable.Rows rows) {
        for (TableDefinition table : context.catalog().tables()) {
            if (table.primaryKey().isEmpty()) {
                continue;
            }
            int columns = table.primaryKey().size();
            rows.add().set("indexrelid", SystemObjects.primaryKeyIndexOid(table)).set("indrelid", table.oid())
                    .set("indnatts", columns).set("indnkeyatts", columns).set("indisunique", true)
                    .set("indnullsnotdistinct", false).set("indisprimary", true).set("indisexclusion", false)
                    .set("indimmediate", true).set("indisclustered", false).set("indisvalid", true)
                    .set("indcheckxmin", false).set("indisready", true).set("indislive", true)
                    .set("indisreplident", false).set("indkey", IndexDefinitions.keyVector(table))
                    .set("indcollation", IndexDefinitions.collationVector(table))
                    .set("indclass", IndexDefinitions.operatorClassVector(table))
                    .set("indoption", IndexDefinitions.optionVector(table));
        }
        for (TableDefinition table : context.catalog().tables()) {
            for (IndexDefinition index : table.indexes()) {
                int columns = IndexDefinitions.keyCount(index);
                rows.add().set("indexrelid", index.oid()).set("indrelid", table.oid()).set("indnatts", columns)
                        .set("indnkeyatts", columns).set("indisunique", index.unique()).set("indnullsnotdistinct", false)
                        .set("indisprimary", false).set("indisexclusion", false).set("indimmediate", true)
                        .set("indisclustered", false).set("indisvalid", true).set("indcheckxmin", false)
                        .set("indisready", true).set("indislive", true).set("indisreplident", false)
                        .set("indkey", IndexDefinitions.keyVector(index))
                        .set("indcollation", IndexDefinitions.collationVector(table, index))
                        .set("indclass", IndexDefinitions.operatorClassVector(table, index))
                        .set("indoption", String.join(" ", Collections.nCopies(columns, "0")))
                        .set("indexprs", IndexDefinitions.expression(table, index, false));
            }
        }
    }
}
