package io.quiver.executor.api;

import io.quiver.common.type.PgType;
import java.util.List;

/** A parsed and planned statement: the result of Parse, described by Describe(S). */
public interface PreparedStatement {
    /** The type of each {@code $n} parameter, given or inferred. */
    List<PgType> parameterTypes();

    /** The columns of the rows it returns; empty when it returns no rows (RowDescription vs NoData). */
    List<ColumnDescription> columns();

    /**
     * Binds parameter values (canonical Java values as {@link PgType} documents, null for SQL NULL) into a
     * portal ready to execute.
     */
    Portal bind(List<Object> parameters);
}
