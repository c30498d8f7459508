package io.quiver.executor.system;

import io.quiver.catalog.IndexDefinition;
import io.quiver.catalog.TableDefinition;
import io.quiver.common.type.PgType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A primary key as PostgreSQL describes its index and constraint: pg_get_indexdef's CREATE INDEX text,
 * pg_get_constraintdef's PRIMARY KEY clause and pg_index's key, collation, class and option vectors; and a
 * vector index's CREATE INDEX text and reloptions as PostgreSQL + pgvector print them.
 */
final class IndexDefinitions {
    private IndexDefinitions() {
    }

    /** {@code CREATE UNIQUE INDEX items_pkey ON public.items USING btree (id)}. */
    static String createIndex(TableDefinition table) {
        return "CREATE UNIQUE INDEX " + Identifiers.quote(table.primaryKeyName()) + " ON "
                + Identifiers.quote(table.schema()) + "." + Identifiers.quote(table.name()) + " USING btree ("
                + keyColumnList(table) + ")";
    }

    /**
     * {@code CREATE INDEX items_embedding_idx ON public.items USING hnsw (embedding vector_l2_ops) WITH (m='16')}:
     * the operator class left out when it is the default one (ivfflat's vector_l2_ops), schema-qualified when
     * {@code public} is not on the search path, and the options as written, as PostgreSQL's pg_get_indexdef.
     */
    static String createIndex(TableDefinition table, IndexDefinition index, boolean opclassVisible) {
        return createIndex(table, index, opclassVisible, false);
    }

    /** As {@link #createIndex(TableDefinition, IndexDefinition, boolean)}; {@code pretty} prints expressions so. */
    static String createIndex(TableDefinition table, IndexDefinition index, boolean opclassVisible, boolean pretty) {
        if (index.isScalar()) {
            return (index.unique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ") + Identifiers.quote(index.name())
                    + " ON " + Identifiers.quote(table.schema()) + "." + Identifiers.quote(table.name()) + " USING "
                    + index.method() + " (" + columnList(table, index.columns()) + ")";
        }
        StringBuilder sql = new StringBuilder("CREATE INDEX ").append(Identifiers.quote(index.name()))
                .append(" ON ").append(Identifiers.quote(table.schema())).append('.')
                .append(Identifiers.quote(table.name())).append(" USING ").append(index.method()).append(" (")
                .append(key(table, index, pretty));
        OperatorClasses.OperatorClass opclass = operatorClass(index);
        if (opclass == null || !opclass.isDefault()) {
            sql.append(' ');
            if (!opclassVisible) {
                sql.append(Identifiers.quote("public")).append('.');
            }
            sql.append(Identifiers.quote(index.opclass()));
        }
        sql.append(')');
        if (!index.options().isEmpty()) {
            sql.append(" WITH (");
            String separator = "";
            for (Map.Entry<String, String> option : index.options().entrySet()) {
                sql.append(separator).append(Identifiers.quote(option.getKey())).append('=')
                        .append(optionValue(option.getValue()));
                separator = ", ";
            }
            sql.append(')');
        }
        return sql.toString();
    }

    /** The quoted name of an index's key column at {@code position} (1-based), or "" past the last one. */
    static String keyColumn(TableDefinition table, IndexDefinition index, int position, boolean pretty) {
        if (index.expression() != null) {
            return position == 1 ? key(table, index, pretty) : "";
        }
        return position >= 1 && position <= index.columns().size()
                ? Identifiers.quote(table.column(index.columns().get(position - 1)).name()) : "";
    }

    /** A vector index's key: its column, or its expression in parentheses: {@code (binary_quantize(e)::bit(3))}. */
    private static String key(TableDefinition table, IndexDefinition index, boolean pretty) {
        if (index.expression() == null) {
            return Identifiers.quote(table.column(index.column()).name());
        }
        return "(" + expression(table, index, pretty) + ")";
    }

    /** An expression index's key as pg_get_expr prints pg_index.indexprs, or null for a column index. */
    static String expression(TableDefinition table, IndexDefinition index, boolean pretty) {
        return index.expression() == null ? null
                : index.expression().sql(slot -> Identifiers.quote(table.columnNameAtSlot(slot)), pretty);
    }

    /** pg_index.indnatts: an expression index has one key column, computed. */
    static int keyCount(IndexDefinition index) {
        return index.expression() == null ? index.columns().size() : 1;
    }

    /** pg_class.reloptions: {@code {m=16,ef_construction=64}}, or null without options. */
    static String[] relOptions(IndexDefinition index) {
        if (index.options().isEmpty()) {
            return null;
        }
        return index.options().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }

    /** The pg_opclass row of a vector index's operator class, or null. */
    static OperatorClasses.OperatorClass operatorClass(IndexDefinition index) {
        long method = accessMethod(index);
        for (OperatorClasses.OperatorClass opclass : OperatorClasses.all()) {
            if (opclass.accessMethod() == method && opclass.name().equals(index.opclass())) {
                return opclass;
            }
        }
        return null;
    }

    /** The pg_am OID of an index's access method. */
    static long accessMethod(IndexDefinition index) {
        return switch (index.method()) {
            case "btree" -> SystemObjects.BTREE_AM;
            case "hash" -> SystemObjects.HASH_AM;
            case "ivfflat" -> SystemObjects.IVFFLAT_AM;
            default -> SystemObjects.HNSW_AM;
        };
    }

    /** pg_index.indkey of an index: its key columns' attnums, 0 for an expression. */
    static String keyVector(IndexDefinition index) {
        if (index.expression() != null) {
            return "0";
        }
        return index.columns().stream().map(i -> String.valueOf(i + 1)).collect(Collectors.joining(" "));
    }

    /** pg_index.indcollation of an index: each key column's collation. */
    static String collationVector(TableDefinition table, IndexDefinition index) {
        if (index.expression() != null) {
            return "0";
        }
        return collationVector(table, index.columns());
    }

    /**
     * pg_index.indclass of an index: a vector index's operator class, a B-tree's key columns' default ones
     * (0 for a hash index, whose operator classes pg_opclass does not list).
     */
    static String operatorClassVector(TableDefinition table, IndexDefinition index) {
        if (index.isScalar()) {
            return index.method().equals("btree") ? operatorClassVector(table, index.columns())
                    : index.columns().stream().map(i -> "0").collect(Collectors.joining(" "));
        }
        OperatorClasses.OperatorClass opclass = operatorClass(index);
        return String.valueOf(opclass == null ? 0 : opclass.oid());
    }

    /** flatten_reloptions: a value stays bare when it is an identifier needing no quotes, else a literal. */
    private static String optionValue(String value) {
        if (Identifiers.quote(value).equals(value)) {
            return value;
        }
        return "'" + value.replace("'", "''") + "'";
    }

    /** {@code PRIMARY KEY (id)}. */
    static String constraintDefinition(TableDefinition table) {
        return "PRIMARY KEY (" + keyColumnList(table) + ")";
    }

    /** The quoted name of key column {@code position} (1-based), or "" past the last one, as PostgreSQL. */
    static String keyColumn(TableDefinition table, int position) {
        List<Integer> key = table.primaryKey();
        if (position < 1 || position > key.size()) {
            return "";
        }
        return Identifiers.quote(table.column(key.get(position - 1)).name());
    }

    static String keyVector(TableDefinition table) {
        return table.primaryKey().stream().map(i -> String.valueOf(i + 1)).collect(Collectors.joining(" "));
    }

    static String collationVector(TableDefinition table) {
        return collationVector(table, table.primaryKey());
    }

    private static String collationVector(TableDefinition table, List<Integer> columns) {
        return columns.stream()
                .map(i -> String.valueOf(TypeTraits.of(table.column(i).type().type()).collation()))
                .collect(Collectors.joining(" "));
    }

    static String operatorClassVector(TableDefinition table) {
        return operatorClassVector(table, table.primaryKey());
    }

    private static String operatorClassVector(TableDefinition table, List<Integer> columns) {
        return columns.stream().map(i -> {
            PgType type = table.column(i).type().type();
            OperatorClasses.OperatorClass opclass =
                    OperatorClasses.defaultBtree(type == PgType.VARCHAR ? PgType.TEXT : type);
            return String.valueOf(opclass == null ? 0 : opclass.oid());
        }).collect(Collectors.joining(" "));
    }

    /** Every key column ascending, nulls last: option 0. */
    static String optionVector(TableDefinition table) {
        return table.primaryKey().stream().map(i -> "0").collect(Collectors.joining(" "));
    }

    private static String keyColumnList(TableDefinition table) {
        return columnList(table, table.primaryKey());
    }

    private static String columnList(TableDefinition table, List<Integer> columns) {
        return columns.stream().map(i -> Identifiers.quote(table.column(i).name())).collect(Collectors.joining(", "));
    }
}
