package io.quiver.executor.statement;

import io.quiver.common.type.PgType;
import io.quiver.executor.api.ColumnDescription;
import io.quiver.executor.session.QuiverSession;
import java.util.List;

/** Shorthands for building prepared statements of the common shapes. */
public final class Statements {
    private Statements() {
    }

    /** A statement without parameters or result columns. */
    public static QuiverPreparedStatement command(QuiverSession session, TransactionUse use, StatementRunner runner) {
        return new QuiverPreparedStatement(List.of(), List.of(), runner, use, session);
    }

    /** A statement without parameters that returns rows. */
    public static QuiverPreparedStatement query(QuiverSession session, List<ColumnDescription> columns,
                                                StatementRunner runner) {
        return new QuiverPreparedStatement(List.of(), columns, runner, TransactionUse.NORMAL, session);
    }

    public static ColumnDescription textColumn(String name) {
        return ColumnDescription.computed(name, PgType.TEXT);
    }
}
