package io.quiver.catalog;

/**
 * One column of a table.
 *
 * @param name the column name
 * @param type its declared type
 * @param notNull whether NULL is rejected (primary key columns always are)
 * @param defaultSql the DEFAULT expression as SQL text ({@code nextval('items_id_seq'::regclass)} for serial
 *        and identity columns), or null
 * @param identity true for {@code GENERATED ... AS IDENTITY} columns
 */
public record ColumnDefinition(String name, SqlType type, boolean notNull, String defaultSql, boolean identity) {
    private static final String NEXTVAL_PREFIX = "nextval('";

    /** The sequence a serial or identity column draws from, or null. */
    public String sequenceName() {
        if (defaultSql == null || !defaultSql.startsWith(NEXTVAL_PREFIX)) {
            return null;
        }
        return defaultSql.substring(NEXTVAL_PREFIX.length(), defaultSql.indexOf('\'', NEXTVAL_PREFIX.length()));
    }

    public static String nextvalDefault(String sequenceName) {
        return NEXTVAL_PREFIX + sequenceName + "'::regclass)";
    }
}
