package io.quiver.executor.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryShapeTest {
    @Test
    void constantsAndParametersBecomeNumberedParameters() {
        assertThat(QueryShape.of("SELECT id FROM items WHERE category = 7 AND name = 'it''s'  -- note\n LIMIT 10"))
                .isEqualTo("SELECT id FROM items WHERE category = $1 AND name = $2 LIMIT $3");
        assertThat(QueryShape.of("select * from t2 where x = $1 and y > 2.5e3 and z = E'\\'a'"))
                .isEqualTo("select * from t2 where x = $1 and y > $2 and z = $3");
        assertThat(QueryShape.of("SELECT \"Col1\" FROM t /* c */ ORDER BY embedding <-> '[1,2]'::vector LIMIT 5"))
                .isEqualTo("SELECT \"Col1\" FROM t ORDER BY embedding <-> $1::vector LIMIT $2");
    }
}
