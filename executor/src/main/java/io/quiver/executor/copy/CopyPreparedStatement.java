package io.quiver.executor.copy;

import io.quiver.common.type.PgType;
import io.quiver.executor.api.ColumnDescription;
import io.quiver.executor.api.Portal;
import io.quiver.executor.api.PreparedStatement;
import java.util.List;
import java.util.function.Supplier;

/** A planned COPY: no parameters; binding it opens the portal that streams its data. */
final class CopyPreparedStatement implements PreparedStatement {
    private final List<ColumnDescription> columns;
    private final Supplier<Portal> portal;

    CopyPreparedStatement(List<ColumnDescription> columns, Supplier<Portal> portal) {
        this.columns = List.copyOf(columns);
        this.portal = portal;
    }

    @Override
    public List<PgType> parameterTypes() {
        return List.of();
    }

    @Override
    public List<ColumnDescription> columns() {
        return columns;
    }

    @Override
    public Portal bind(List<Object> parameters) {
        return portal.get();
    }
}
