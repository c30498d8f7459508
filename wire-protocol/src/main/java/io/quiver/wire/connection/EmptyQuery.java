package io.quiver.wire.connection;

import io.quiver.common.type.PgType;
import io.quiver.executor.api.ColumnDescription;
import io.quiver.executor.api.ExecutionResult;
import io.quiver.executor.api.Portal;
import io.quiver.executor.api.PreparedStatement;
import io.quiver.executor.api.RowSink;
import java.util.List;

/** A Parse of a query with no statement in it: executing it answers EmptyQueryResponse. */
final class EmptyQuery implements PreparedStatement, Portal {
    static final EmptyQuery INSTANCE = new EmptyQuery();

    private EmptyQuery() {
    }

    @Override
    public List<PgType> parameterTypes() {
        return List.of();
    }

    @Override
    public List<ColumnDescription> columns() {
        return List.of();
    }

    @Override
    public Portal bind(List<Object> parameters) {
        return this;
    }

    @Override
    public ExecutionResult execute(int maxRows, RowSink sink) {
        throw new IllegalStateException("an empty query is answered by EmptyQueryResponse, never executed");
    }

    @Override
    public void close() {
    }
}
