package io.quiver.executor.system;

import io.quiver.catalog.TableDefinition;
import io.quiver.common.type.PgType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A primary key as PostgreSQL describes its index and constraint: pg_get_indexdef's CREATE INDEX text,
 * pg_get_constraintdef's PRIMARY KEY clause and pg_index's key, collation, class and option vectors.
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
        return table.primaryKey().stream()
                .map(i -> String.valueOf(TypeTraits.of(table.column(i).type().type()).collation()))
                .collect(Collectors.joining(" "));
    }

    static String operatorClassVector(TableDefinition table) {
        return table.primaryKey().stream().map(i -> {
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
        return table.primaryKey().stream().map(i -> Identifiers.quote(table.column(i).name()))
                .collect(Collectors.joining(", "));
    }
}
