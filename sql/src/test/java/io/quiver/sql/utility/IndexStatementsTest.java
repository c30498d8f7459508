package io.quiver.sql.utility;

import static io.quiver.sql.utility.Parsing.assertError;
import static io.quiver.sql.utility.Parsing.assertSyntaxError;
import static io.quiver.sql.utility.Parsing.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.common.error.SqlState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexStatementsTest {

    @Test
    void hnswIndexWithOpclassAndOptions() {
        CreateIndex index = (CreateIndex) parse(
                "CREATE INDEX items_embedding_idx ON items USING HNSW (embedding vector_cosine_ops)"
                        + " WITH (M = 16, ef_construction = 64)");
        assertThat(index).isEqualTo(new CreateIndex("items_embedding_idx", false, false, false,
                QualifiedName.of("items"), "hnsw", List.of(new IndexElement("embedding", null, "vector_cosine_ops")),
                Map.of("m", "16", "ef_construction", "64"), null));
        assertThat(index.withOptions().keySet()).containsExactly("m", "ef_construction");
    }

    @Test
    void unnamedIndexWithDefaultMethod() {
        CreateIndex index = (CreateIndex) parse("create index on app.t (a, \"B\")");
        assertThat(index.name()).isNull();
        assertThat(index.method()).isNull();
        assertThat(index.table()).isEqualTo(new QualifiedName("app", "t"));
        assertThat(index.elements()).containsExactly(new IndexElement("a", null, null), new IndexElement("B", null, null));
        assertThat(index.withOptions()).isEmpty();
    }

    @Test
    void uniqueConcurrentlyIfNotExistsAndPartial() {
        CreateIndex index = (CreateIndex) parse(
                "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON t (a) WHERE a > 0 AND b IS NOT NULL");
        assertThat(index.unique()).isTrue();
        assertThat(index.concurrently()).isTrue();
        assertThat(index.ifNotExists()).isTrue();
        assertThat(index.whereSql()).isEqualTo("a > 0 AND b IS NOT NULL");
    }

    @Test
    void expressionElements() {
        CreateIndex index = (CreateIndex) parse(
                "CREATE INDEX ON t USING ivfflat ((embedding::halfvec(3)) halfvec_l2_ops, lower(name), (a + b))"
                        + " WITH (lists = 100, quoted = 'Yes', flag)");
        assertThat(index.elements()).containsExactly(
                new IndexElement(null, "embedding::halfvec(3)", "halfvec_l2_ops"),
                new IndexElement(null, "lower(name)", null),
                new IndexElement(null, "a + b", null));
        assertThat(index.withOptions()).containsExactly(
                Map.entry("lists", "100"), Map.entry("quoted", "Yes"), Map.entry("flag", "true"));
    }

    @Test
    void repeatedOptionIsRejected() {
        assertError("CREATE INDEX ON t USING hnsw (v) WITH (m = 4, M = 8)", SqlState.INVALID_PARAMETER_VALUE,
                "parameter \"m\" specified more than once", 0);
    }

    @Test
    void ifNotExistsNeedsAName() {
        assertSyntaxError("CREATE INDEX IF NOT EXISTS ON t (a)", "syntax error at or near \"ON\"", 28);
    }

    @Test
    void dropIndex() {
        assertThat(parse("DROP INDEX CONCURRENTLY IF EXISTS s.i1, i2 CASCADE")).isEqualTo(new DropIndex(
                List.of(new QualifiedName("s", "i1"), QualifiedName.of("i2")), true, true, true));
        assertThat(parse("drop index i")).isEqualTo(new DropIndex(List.of(QualifiedName.of("i")), false, false, false));
    }

    @Test
    void reindex() {
        assertThat(parse("REINDEX INDEX CONCURRENTLY s.i"))
                .isEqualTo(new Reindex(Reindex.Kind.INDEX, new QualifiedName("s", "i"), true));
        assertThat(parse("reindex table t")).isEqualTo(new Reindex(Reindex.Kind.TABLE, QualifiedName.of("t"), false));
    }

    @Test
    void alterIndexSet() {
        assertThat(parse("ALTER INDEX i SET (ef_search = 40)"))
                .isEqualTo(new AlterIndexSet(QualifiedName.of("i"), Map.of("ef_search", "40")));
    }
}
