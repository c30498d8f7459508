package io.quiver.sql.calcite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgType;
import io.quiver.common.vector.VectorMath;
import io.quiver.sql.type.PgColumnType;
import io.quiver.sql.type.PgTypeMapping;
import io.quiver.sql.type.VectorSqlType;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleBiFunction;
import java.util.stream.IntStream;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlCompilerTest {
    private static final float[] QUERY = {1, 2, 3};
    private static final SqlCompiler COMPILER = compiler();

    private static SqlCompiler compiler() {
        SchemaPlus root = CalciteSchema.createRootSchema(false).plus();
        SchemaPlus publicSchema = root.add("public", new AbstractSchema());
        publicSchema.add("t", new VectorTable());
        SchemaPlus pgCatalog = root.add("pg_catalog", new AbstractSchema());
        pgCatalog.add("current_schema", ScalarFunctionImpl.create(SessionFunctions.class, "current_schema"));
        return SqlCompiler.builder(root).defaultSchemaPath(List.of("public")).build();
    }

    private static List<Object[]> run(String sql, Object... parameters) {
        try {
            return COMPILER.compile(sql).execute(Arrays.asList(parameters)).toList();
        } catch (RuntimeException e) {
            throw QuiverErrors.unwrap(e);
        }
    }

    private static ToDoubleBiFunction<float[], float[]> distance(String operator) {
        return switch (operator) {
            case "<->" -> VectorMath::l2Distance;
            case "<#>" -> VectorMath::negativeInnerProduct;
            case "<=>" -> VectorMath::cosineDistance;
            case "<+>" -> VectorMath::l1Distance;
            default -> throw new IllegalArgumentException(operator);
        };
    }

    /** The ids of rows (optionally only cat 1) ordered by their distance to QUERY. */
    private static List<Integer> expectedOrder(String operator, boolean onlyCat1, int limit) {
        return IntStream.rangeClosed(1, 5)
                .filter(id -> !onlyCat1 || (int) VectorTable.ROWS.get(id - 1)[1] == 1)
                .boxed()
                .sorted(Comparator.comparingDouble(
                        id -> distance(operator).applyAsDouble(VectorTable.embedding(id), QUERY)))
                .limit(limit)
                .toList();
    }

    @Test
    void nearestNeighboursWithDistance() {
        List<Object[]> rows = run(
                "SELECT id, embedding <-> '[1,2,3]' AS d FROM t ORDER BY embedding <-> '[1,2,3]' LIMIT 2");
        assertThat(rows).extracting(r -> r[0]).containsExactlyElementsOf(expectedOrder("<->", false, 2));
        for (Object[] row : rows) {
            assertThat(row[1]).isEqualTo(VectorMath.l2Distance(VectorTable.embedding((int) row[0]), QUERY));
        }
        assertThat(COMPILER.compile("SELECT id, embedding <-> '[1,2,3]' AS d FROM t").rowType().getFieldNames())
                .containsExactly("id", "d");
    }

    @ParameterizedTest
    @CsvSource({"<->, false", "<#>, false", "<=>, false", "<+>, false",
            "<->, true", "<#>, true", "<=>, true", "<+>, true"})
    void eachDistanceOperatorOrdersRows(String operator, boolean onlyCat1) {
        String where = onlyCat1 ? " WHERE cat = 1" : "";
        List<Object[]> rows = run("SELECT id, embedding " + operator + " '[1,2,3]' FROM t" + where
                + " ORDER BY embedding " + operator + " '[1,2,3]' LIMIT 3");
        assertThat(rows).extracting(r -> r[0]).containsExactlyElementsOf(expectedOrder(operator, onlyCat1, 3));
        for (Object[] row : rows) {
            assertThat(row[1]).isEqualTo(distance(operator).applyAsDouble(VectorTable.embedding((int) row[0]), QUERY));
        }
    }

    @Test
    void parameterBoundToFloatArray() {
        CompiledQuery query = COMPILER.compile("SELECT id FROM t ORDER BY embedding <=> $1 LIMIT 3");
        assertThat(query.parameterTypes()).hasSize(1);
        assertThat(query.parameterTypes().get(0)).isInstanceOf(VectorSqlType.class);
        assertThat(PgTypeMapping.toPg(query.parameterTypes().get(0))).isEqualTo(new PgColumnType(PgType.VECTOR, 3));
        List<Object[]> rows = query.execute(List.of((Object) QUERY)).toList();
        assertThat(rows).extracting(r -> r[0]).containsExactlyElementsOf(expectedOrder("<=>", false, 3));
        float[] other = {0, 0, 1};
        assertThat(query.execute(List.of((Object) other)).toList()).extracting(r -> r[0]).startsWith(4);
    }

    @Test
    void callsOfSchemaFunctionsAreNamedAfterTheFunction() {
        CompiledQuery query = COMPILER.compile("SELECT current_schema, current_schema() AS s, upper('a')");
        assertThat(query.columnNames()).containsExactly("current_schema", "s", "upper");
        assertThat(query.execute(List.of()).toList().get(0)).containsExactly("public", "public", "A");
    }

    @Test
    void distinctAndPlainAggregatesMix() {
        assertThat(run("SELECT count(*), count(DISTINCT cat) FROM t"))
                .extracting(r -> r[0], r -> r[1]).containsExactly(tuple(5L, 2L));
        assertThat(run("SELECT cat, count(*), count(DISTINCT id) FROM t GROUP BY cat ORDER BY cat"))
                .extracting(r -> r[1], r -> r[2]).containsExactly(tuple(3L, 3L), tuple(2L, 2L));
    }

    @Test
    void windowFunctionsRun() {
        assertThat(run("SELECT id, row_number() OVER (PARTITION BY cat ORDER BY id DESC) AS r FROM t ORDER BY id"))
                .extracting(r -> r[0], r -> r[1])
                .containsExactly(tuple(1, 3L), tuple(2, 2L), tuple(3, 2L), tuple(4, 1L), tuple(5, 1L));
    }

    @Test
    void expandArrayRepeatsEachRowPerElement() {
        // pgjdbc's getPrimaryKeys: the position as a column, the element through the call's row.
        List<Object[]> rows = run("""
                SELECT s.id, s.key_seq FROM (
                    SELECT id, (information_schema._pg_expandarray(ARRAY[20, 10, 30])).n AS key_seq,
                           information_schema._pg_expandarray(ARRAY[20, 10, 30]) AS keys
                    FROM t WHERE id <= 2) s
                WHERE (s.keys).x >= 20 ORDER BY s.id, s.key_seq""");
        assertThat(rows).extracting(r -> r[0], r -> r[1])
                .containsExactly(tuple(1, 1), tuple(1, 3), tuple(2, 1), tuple(2, 3));
        assertThat(COMPILER.compile("SELECT (s.keys).n FROM (SELECT information_schema._pg_expandarray(ARRAY[5]) "
                + "AS keys) s").columnNames()).containsExactly("n");
    }

    @Test
    void expandArrayOverDifferentArraysIsNotSupported() {
        assertThatThrownBy(() -> run("SELECT (information_schema._pg_expandarray(ARRAY[1])).n, "
                + "(information_schema._pg_expandarray(ARRAY[2])).n FROM t"))
                .isInstanceOfSatisfying(QuiverException.class,
                        e -> assertThat(e.state()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED));
    }

    @Test
    void questionMarkParameterTakesTheVectorType() {
        List<Object[]> rows = run("SELECT id FROM t WHERE cat = ? ORDER BY embedding <-> ? LIMIT 1", 2, QUERY);
        assertThat(rows).extracting(r -> r[0]).containsExactly(3);
    }

    @Test
    void vectorLiteralCast() {
        CompiledQuery query = COMPILER.compile("SELECT '[1,2,3]'::vector");
        assertThat(PgTypeMapping.toPg(query.rowType().getFieldList().get(0).getType()))
                .isEqualTo(new PgColumnType(PgType.VECTOR, -1));
        assertThat((float[]) query.execute(List.of()).toList().get(0)[0]).containsExactly(1, 2, 3);
        assertThat((float[]) run("SELECT CAST('[4,5]' AS vector(2))").get(0)[0]).containsExactly(4, 5);
    }

    @Test
    void castDropsTheDimension() {
        CompiledQuery query = COMPILER.compile("SELECT '[1,2]'::vector(2)::vector, '[3]'::halfvec(1)::halfvec");
        assertThat(query.rowType().getFieldList()).extracting(field -> PgTypeMapping.toPg(field.getType()))
                .containsExactly(new PgColumnType(PgType.VECTOR, -1), new PgColumnType(PgType.HALFVEC, -1));
        Object[] row = query.execute(List.of()).toList().get(0);
        assertThat((float[]) row[0]).containsExactly(1, 2);
        assertThat((float[]) row[1]).containsExactly(3);
    }

    @Test
    void castChecksTheDimension() {
        assertThatThrownBy(() -> run("SELECT '[1,2]'::vector(3)"))
                .isInstanceOfSatisfying(QuiverException.class, e -> {
                    assertThat(e.state()).isEqualTo(SqlState.DATA_EXCEPTION);
                    assertThat(e.getMessage()).isEqualTo("expected 3 dimensions, not 2");
                });
    }

    @Test
    void castsBetweenVectorsAndArrays() {
        assertThat((float[]) run("SELECT ARRAY[1,2,3]::vector(3)").get(0)[0]).containsExactly(1, 2, 3);
        assertThat((float[]) run("SELECT ARRAY[1.5e0,2e0]::vector").get(0)[0]).containsExactly(1.5f, 2f);
        assertThat(run("SELECT embedding::real[] FROM t WHERE id = 1").get(0)[0]).isEqualTo(List.of(1f, 2f, 3f));
        assertThat(run("SELECT embedding::text FROM t WHERE id = 4").get(0)[0]).isEqualTo("[0,0,1]");
    }

    @Test
    void vectorFunctions() {
        Object[] row = run("SELECT vector_dims(embedding), vector_norm(embedding), l2_normalize(embedding),"
                + " subvector(embedding, 2, 2), l2_distance(embedding, '[1,2,3]'), inner_product(embedding, $1)"
                + " FROM t WHERE id = 2", QUERY).get(0);
        float[] v = VectorTable.embedding(2);
        assertThat(row[0]).isEqualTo(3);
        assertThat(row[1]).isEqualTo(VectorMath.norm(v));
        assertThat((float[]) row[2]).containsExactly(VectorMath.l2Normalize(v));
        assertThat((float[]) row[3]).containsExactly(5, 6);
        assertThat(row[4]).isEqualTo(VectorMath.l2Distance(v, QUERY));
        assertThat(row[5]).isEqualTo(VectorMath.innerProduct(v, QUERY));
    }

    @Test
    void elementWiseArithmetic() {
        Object[] row = run("SELECT embedding + embedding, embedding - '[1,1,1]', embedding * embedding, id + 1"
                + " FROM t WHERE id = 2").get(0);
        assertThat((float[]) row[0]).containsExactly(8, 10, 12);
        assertThat((float[]) row[1]).containsExactly(3, 4, 5);
        assertThat((float[]) row[2]).containsExactly(16, 25, 36);
        assertThat(row[3]).isEqualTo(3);
    }

    @Test
    void vectorAggregates() {
        Object[] all = run("SELECT avg(embedding), sum(embedding), avg(id), sum(id) FROM t").get(0);
        assertThat((float[]) all[0]).containsExactly(1.6f, 2f, 2.6f);
        assertThat((float[]) all[1]).containsExactly(8, 10, 13);
        assertThat(((Number) all[2]).intValue()).isEqualTo(3);
        assertThat(all[3]).isEqualTo(15L);
    }

    @Test
    void vectorSumPerGroup() {
        List<Object[]> rows = run("SELECT cat, sum(embedding), avg(embedding) FROM t GROUP BY cat ORDER BY cat");
        assertThat(rows).extracting(r -> r[0]).containsExactly(1, 2);
        assertThat((float[]) rows.get(0)[1]).containsExactly(7, 9, 11);
        assertThat((float[]) rows.get(1)[1]).containsExactly(1, 1, 2);
        assertThat((float[]) rows.get(1)[2]).containsExactly(0.5f, 0.5f, 1f);
    }

    @Test
    void castBindsTighterThanArithmetic() {
        assertThat(run("SELECT 1 + 2::integer * 3").get(0)[0]).isEqualTo(7);
    }

    @Test
    void dimensionMismatch() {
        assertThatThrownBy(() -> run("SELECT embedding <-> '[1,2]' FROM t"))
                .isInstanceOfSatisfying(QuiverException.class, e -> {
                    assertThat(e.state()).isEqualTo(SqlState.DATA_EXCEPTION);
                    assertThat(e.getMessage()).isEqualTo("different vector dimensions 3 and 2");
                });
    }

    @Test
    void malformedVectorLiteral() {
        assertThatThrownBy(() -> run("SELECT embedding <-> '[1,2,x]' FROM t"))
                .isInstanceOfSatisfying(QuiverException.class, e -> {
                    assertThat(e.state()).isEqualTo(SqlState.INVALID_TEXT_REPRESENTATION);
                    assertThat(e.getMessage()).startsWith("invalid input syntax for type vector");
                });
    }

    @Test
    void unknownTableColumnAndFunction() {
        assertThatThrownBy(() -> COMPILER.compile("SELECT * FROM nope"))
                .isInstanceOfSatisfying(QuiverException.class, e -> {
                    assertThat(e.state()).isEqualTo(SqlState.UNDEFINED_TABLE);
                    assertThat(e.getMessage()).isEqualTo("relation \"nope\" does not exist");
                    assertThat(e.position()).isEqualTo(15);
                });
        assertThatThrownBy(() -> COMPILER.compile("SELECT nope FROM t"))
                .isInstanceOfSatisfying(QuiverException.class, e -> {
                    assertThat(e.state()).isEqualTo(SqlState.UNDEFINED_COLUMN);
                    assertThat(e.getMessage()).isEqualTo("column \"nope\" does not exist");
                    assertThat(e.position()).isEqualTo(8);
                });
        assertThatThrownBy(() -> COMPILER.compile("SELECT nope(1)"))
                .isInstanceOfSatisfying(QuiverException.class,
                        e -> assertThat(e.state()).isEqualTo(SqlState.UNDEFINED_FUNCTION));
        assertThatThrownBy(() -> COMPILER.compile("SELECT embedding <-> 1 FROM t"))
                .isInstanceOfSatisfying(QuiverException.class,
                        e -> assertThat(e.state()).isEqualTo(SqlState.UNDEFINED_FUNCTION));
    }

    @Test
    void resultTypesMapToPostgres() {
        CompiledQuery query = COMPILER.compile("SELECT id, embedding, embedding <-> embedding, 'a', 1.5 FROM t");
        assertThat(query.rowType().getFieldList()).extracting(f -> PgTypeMapping.toPg(f.getType()).type())
                .containsExactly(PgType.INT4, PgType.VECTOR, PgType.FLOAT8, PgType.TEXT, PgType.NUMERIC);
        assertThat(PgTypeMapping.toPg(query.rowType().getFieldList().get(1).getType()))
                .extracting(PgColumnType::typmod).isEqualTo(3);
    }

    @Test
    void ordinarySqlStillWorks() {
        List<Object[]> rows = run("WITH c AS (SELECT cat, count(*) AS n FROM t GROUP BY cat)"
                + " SELECT t.id, c.n FROM t JOIN c ON t.cat = c.cat WHERE t.id IN (SELECT id FROM t WHERE id > 3)"
                + " ORDER BY t.id OFFSET 0 ROWS FETCH NEXT 5 ROWS ONLY");
        assertThat(rows).extracting(r -> r[0], r -> r[1]).containsExactly(tuple(4, 2L), tuple(5, 3L));
    }
}
