package io.quiver.sql.type;

import io.quiver.common.type.PgType;

/**
 * A PostgreSQL type as RowDescription and ParameterDescription carry it: the type and its typmod (-1 when there
 * is none; {@code varchar(n)} has n + 4, {@code numeric(p,s)} ((p << 16) | s) + 4, {@code vector(n)} n).
 */
public record PgColumnType(PgType type, int typmod) {
    public static final int NO_TYPMOD = -1;

    public static PgColumnType of(PgType type) {
        return new PgColumnType(type, NO_TYPMOD);
    }
}
