package io.quiver.executor.plan;

import io.quiver.common.type.PgType;
import io.quiver.executor.api.ColumnDescription;
import io.quiver.executor.schema.QuiverDataContext;
import java.util.Iterator;
import java.util.List;
import org.apache.calcite.schema.Table;

/** A query compiled to bytecode once and run many times, each run with its own parameters and transaction. */
public interface CompiledPlan {
    /** The result columns, described for the client. */
    List<ColumnDescription> columns();

    /** The type of each {@code $n} parameter, as given or inferred. */
    List<PgType> parameterTypes();

    /** Runs the plan; rows come out as canonical values (see {@link PgType}), each in an array of its own. */
    Iterator<Object[]> run(QuiverDataContext context);

    /** Every table the plan reads (see {@link io.quiver.sql.calcite.CompiledQuery#tablesRead}). */
    List<Table> tablesRead();

    /** The optimised plan, one line per operator, for EXPLAIN. */
    List<String> explain();
}
