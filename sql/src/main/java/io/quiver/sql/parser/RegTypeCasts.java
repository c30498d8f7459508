package io.quiver.sql.parser;

import io.quiver.sql.type.QuiverTypeNameSpec;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Turns casts to PostgreSQL's object-identifier types into calls of the pg_catalog function of the type's
 * name: {@code 'items_id_seq'::regclass} becomes {@code pg_catalog.regclass('items_id_seq')}, which looks the
 * name up and yields its OID, and {@code c.oid::regclass} becomes {@code pg_catalog.regclass(c.oid)}, which
 * yields the name PostgreSQL prints for it. Quiver has no reg* types: a cast from text is an OID, a cast from an
 * OID the text it prints as, which is what catalog queries compare and print.
 */
final class RegTypeCasts extends SqlShuttle {
    private static final Set<String> REG_TYPES = Set.of("regclass", "regtype", "regproc", "regnamespace");
    private static final RegTypeCasts INSTANCE = new RegTypeCasts();

    private RegTypeCasts() {
    }

    static SqlNode rewrite(SqlNode node) {
        return node.accept(INSTANCE);
    }

    @Override
    public @Nullable SqlNode visit(SqlCall call) {
        SqlCall visited = (SqlCall) super.visit(call);
        if (visited == null || visited.getKind() != SqlKind.CAST
                || !(visited.operand(1) instanceof SqlDataTypeSpec spec)
                || !(spec.getTypeNameSpec() instanceof QuiverTypeNameSpec name)) {
            return visited;
        }
        String regType = regTypeName(name.getTypeName().names);
        return regType == null ? visited : PgCatalogCalls.call(regType, visited.getParserPosition(), visited.operand(0));
    }

    private static @Nullable String regTypeName(List<String> names) {
        boolean qualified = names.size() == 2 && names.get(0).equals("pg_catalog");
        if (names.size() != 1 && !qualified) {
            return null;
        }
        String name = names.get(names.size() - 1);
        return REG_TYPES.contains(name) ? name : null;
    }
}
