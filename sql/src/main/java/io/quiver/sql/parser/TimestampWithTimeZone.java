package io.quiver.sql.parser;

import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Reads the spelled-out {@code timestamp with time zone} as {@code timestamptz}: Calcite's grammar gives it its
 * own TIMESTAMP_TZ type (a timestamp carrying its zone), while PostgreSQL's type, and Quiver's, is an instant
 * shown in the session's zone, which is Calcite's TIMESTAMP WITH LOCAL TIME ZONE.
 */
final class TimestampWithTimeZone extends SqlShuttle {
    private static final TimestampWithTimeZone INSTANCE = new TimestampWithTimeZone();

    private TimestampWithTimeZone() {
    }

    static SqlNode rewrite(SqlNode node) {
        return node.accept(INSTANCE);
    }

    @Override
    public SqlNode visit(SqlDataTypeSpec type) {
        if (!(type.getTypeNameSpec() instanceof SqlBasicTypeNameSpec basic)
                || !basic.getTypeName().getSimple().equals(SqlTypeName.TIMESTAMP_TZ.name())) {
            return type;
        }
        SqlBasicTypeNameSpec timestamptz = new SqlBasicTypeNameSpec(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE,
                basic.getPrecision(), basic.getParserPos());
        return new SqlDataTypeSpec(timestamptz, type.getTimeZone(), type.getNullable(), type.getParserPosition());
    }
}
