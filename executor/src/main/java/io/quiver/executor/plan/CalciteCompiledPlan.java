package io.quiver.executor.plan;

import io.quiver.common.type.PgType;
import io.quiver.executor.api.ColumnDescription;
import io.quiver.executor.schema.CalciteValues;
import io.quiver.executor.schema.QuiverDataContext;
import io.quiver.sql.calcite.CompiledQuery;
import io.quiver.sql.calcite.QuiverErrors;
import io.quiver.sql.type.PgColumnType;
import io.quiver.sql.type.PgTypeMapping;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.Table;

/** A Calcite-compiled query as the executor runs it: canonical values in and out, PostgreSQL errors. */
final class CalciteCompiledPlan implements CompiledPlan {
    private final CompiledQuery query;
    private final List<ColumnDescription> columns;
    private final List<PgType> columnTypes;
    private final List<PgType> parameterTypes;

    /** @param declared the parameter types the client gave (null: inferred), reported back as given */
    CalciteCompiledPlan(CompiledQuery query, List<PgType> declared) {
        this.query = query;
        List<ColumnDescription> described = new ArrayList<>();
        List<PgType> types = new ArrayList<>();
        for (RelDataTypeField field : query.rowType().getFieldList()) {
            PgColumnType pg = PgTypeMapping.toPg(field.getType());
            described.add(new ColumnDescription(query.columnNames().get(field.getIndex()), pg.type(), pg.typmod(),
                    0, (short) 0));
            types.add(pg.type());
        }
        this.columns = List.copyOf(described);
        this.columnTypes = List.copyOf(types);
        List<PgType> inferred = query.parameterTypes().stream().map(t -> PgTypeMapping.toPg(t).type()).toList();
        List<PgType> reported = new ArrayList<>(inferred);
        for (int i = 0; i < reported.size() && i < declared.size(); i++) {
            if (declared.get(i) != null) {
                reported.set(i, declared.get(i));
            }
        }
        this.parameterTypes = List.copyOf(reported);
    }

    @Override
    public List<ColumnDescription> columns() {
        return columns;
    }

    @Override
    public List<PgType> parameterTypes() {
        return parameterTypes;
    }

    @Override
    public List<Table> tablesRead() {
        return query.tablesRead();
    }

    @Override
    public List<String> explain() {
        return List.of(query.plan().split("\n"));
    }

    @Override
    public Iterator<Object[]> run(QuiverDataContext context) {
        Enumerator<Object[]> enumerator;
        try {
            enumerator = query.execute(context).enumerator();
        } catch (RuntimeException | ExceptionInInitializerError e) {
            throw QuiverErrors.unwrap(e);
        }
        return new Iterator<>() {
            private Boolean hasNext;

            @Override
            public boolean hasNext() {
                if (hasNext == null) {
                    try {
                        hasNext = enumerator.moveNext();
                    } catch (RuntimeException | ExceptionInInitializerError e) {
                        // Constants folded into the generated class fail while it initialises.
                        enumerator.close();
                        throw QuiverErrors.unwrap(e);
                    }
                    if (!hasNext) {
                        enumerator.close();
                    }
                }
                return hasNext;
            }

            @Override
            public Object[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                hasNext = null;
                Object[] row;
                try {
                    row = enumerator.current();
                } catch (RuntimeException e) {
                    // Projections are computed here, so bad input to a cast ('abc'::int) fails here.
                    enumerator.close();
                    throw QuiverErrors.unwrap(e);
                }
                return CalciteValues.rowFromCalcite(columnTypes, row.clone());
            }
        };
    }
}
