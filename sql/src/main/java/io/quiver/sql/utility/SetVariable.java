package io.quiver.sql.utility;

import java.util.List;

/**
 * {@code SET [SESSION | LOCAL] name {TO | =} {value [, ...] | DEFAULT}} and the special forms that set one
 * variable: {@code SET TIME ZONE} (timezone), {@code SET NAMES} (client_encoding), {@code SET SCHEMA}
 * (search_path).
 *
 * @param name   lower-cased, possibly dotted ({@code hnsw.ef_search})
 * @param values the values without quotes, unquoted words folded to lower case; empty means DEFAULT
 * @param local  SET LOCAL: the setting lasts until the end of the transaction
 */
public record SetVariable(String name, List<String> values, boolean local) implements UtilityStatement {
    public SetVariable {
        values = List.copyOf(values);
    }

    public boolean isDefault() {
        return values.isEmpty();
    }
}
