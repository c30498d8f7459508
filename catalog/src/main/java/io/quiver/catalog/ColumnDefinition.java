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
 * @param slot the column's position in stored rows; it never changes, so a dropped column keeps its slot
 *        (hidden, as PostgreSQL's attisdropped) and rows need no rewrite. -1 until the table assigns one.
 * @param missingValue the value (in storage form) of rows stored before the column was added, as PostgreSQL's
 *        attmissingval: the ADD COLUMN's default evaluated once; null when such rows read NULL
 * @param comment COMMENT ON COLUMN text, or null
 */
public record ColumnDefinition(String name, SqlType type, boolean notNull, String defaultSql, boolean identity,
                               int slot, Object missingValue, String comment) {
    private static final String NEXTVAL_PREFIX = "nextval('";

    /** A column of a new table; the table assigns its slot. */
    public ColumnDefinition(String name, SqlType type, boolean notNull, String defaultSql, boolean identity) {
        this(name, type, notNull, defaultSql, identity, -1, null, null);
    }

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

    public ColumnDefinition withName(String newName) {
        return new ColumnDefinition(newName, type, notNull, defaultSql, identity, slot, missingValue, comment);
    }

    public ColumnDefinition withNotNull(boolean newNotNull) {
        return new ColumnDefinition(name, type, newNotNull, defaultSql, identity, slot, missingValue, comment);
    }

    public ColumnDefinition withDefault(String newDefaultSql) {
        return new ColumnDefinition(name, type, notNull, newDefaultSql, identity, slot, missingValue, comment);
    }

    public ColumnDefinition withComment(String newComment) {
        return new ColumnDefinition(name, type, notNull, defaultSql, identity, slot, missingValue, newComment);
    }

    ColumnDefinition withSlot(int newSlot) {
        return new ColumnDefinition(name, type, notNull, defaultSql, identity, newSlot, missingValue, comment);
    }

    public ColumnDefinition withMissingValue(Object value) {
        return new ColumnDefinition(name, type, notNull, defaultSql, identity, slot, value, comment);
    }
}
