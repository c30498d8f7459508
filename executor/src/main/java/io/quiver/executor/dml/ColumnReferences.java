package io.quiver.executor.dml;

import io.quiver.catalog.TableDefinition;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Whether parts of a DML statement read its target's columns, which is what makes PostgreSQL ask for SELECT
 * on the target besides UPDATE or DELETE ({@code DELETE FROM t} needs only DELETE, {@code ... WHERE id = 1}
 * SELECT too). A name that could be a target column counts, so the answer errs towards asking.
 */
final class ColumnReferences {
    private ColumnReferences() {
    }

    static boolean readsTarget(TableDefinition table, String alias, List<SqlNode> nodes) {
        return nodes.stream().anyMatch(node -> node != null && readsTarget(table, alias, node));
    }

    private static boolean readsTarget(TableDefinition table, String alias, SqlNode node) {
        boolean[] found = {false};
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlIdentifier id) {
                List<String> names = id.names;
                found[0] |= id.isStar() || (names.size() == 1 && table.columnIndex(names.get(0)) >= 0)
                        || (names.size() >= 2 && names.get(names.size() - 2).equals(alias));
                return null;
            }
        });
        return found[0];
    }
}
