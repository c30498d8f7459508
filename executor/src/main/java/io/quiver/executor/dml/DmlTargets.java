package io.quiver.executor.dml;

import io.quiver.catalog.TableDefinition;
import io.quiver.executor.schema.RootSchemaFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.calcite.sql.SqlNode;

/** What UPDATE and DELETE share: reading the target rows with their row ids. */
final class DmlTargets {
    private DmlTargets() {
    }

    /** The target table with its hidden row id column, under the statement's alias. */
    static SqlNode withRowIds(TableDefinition table, String alias) {
        return SqlNodes.as(SqlNodes.identifier(RootSchemaFactory.DML_SCHEMA, Long.toString(table.oid())), alias);
    }

    /** Reads every target row before any is changed, so a statement never sees its own writes. */
    static List<Object[]> collect(Iterator<Object[]> rows) {
        List<Object[]> all = new ArrayList<>();
        rows.forEachRemaining(all::add);
        return all;
    }
}
