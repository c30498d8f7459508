package io.quiver.executor.system;

import io.quiver.catalog.CatalogState;
import io.quiver.catalog.IndexDefinition;
import io.quiver.catalog.TableDefinition;
import java.util.ArrayList;
import java.util.List;

/** The COMMENT ON texts of tables, their columns and indexes, as pg_description holds them. */
final class Comments {
    /**
     * One pg_description row of a pg_class object.
     *
     * @param oid the table's or index's OID
     * @param subId the column's attnum, 0 for the relation itself
     */
    record Comment(long oid, int subId, String text) {
    }

    private Comments() {
    }

    static List<Comment> all(CatalogState catalog) {
        List<Comment> comments = new ArrayList<>();
        for (TableDefinition table : catalog.tables()) {
            if (table.comment() != null) {
                comments.add(new Comment(table.oid(), 0, table.comment()));
            }
            for (int i = 0; i < table.columns().size(); i++) {
                if (table.column(i).comment() != null) {
                    comments.add(new Comment(table.oid(), i + 1, table.column(i).comment()));
                }
            }
            for (IndexDefinition index : table.indexes()) {
                if (index.comment() != null) {
                    comments.add(new Comment(index.oid(), 0, index.comment()));
                }
            }
        }
        return comments;
    }

    /** The comment on the table or index with this OID, or null. */
    static String ofRelation(CatalogState catalog, long oid) {
        return all(catalog).stream().filter(c -> c.oid() == oid && c.subId() == 0).map(Comment::text)
                .findFirst().orElse(null);
    }
}
