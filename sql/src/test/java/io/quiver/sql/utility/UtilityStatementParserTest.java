package io.quiver.sql.utility;

import static io.quiver.sql.utility.Parsing.assertSyntaxError;
import static io.quiver.sql.utility.Parsing.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.sql.utility.grammar.PgUtilityLexer;
import java.util.List;
import org.antlr.v4.runtime.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UtilityStatementParserTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT 1", "select * from t", "INSERT INTO t VALUES (1)", "update t set a = 1", "DELETE FROM t",
            "VALUES (1)", "WITH x AS (SELECT 1) SELECT * FROM x", "EXPLAIN SELECT 1", "TABLE t", "(SELECT 1)",
            "  -- comment\n /* c */ Select 1", "explain analyze select 1"})
    void queriesAreLeftToCalcite(String sql) {
        assertThat(UtilityStatementParser.tryParse(sql)).isEmpty();
    }

    @Test
    void quotedWordThatSpellsAQueryKeywordIsNotOne() {
        assertSyntaxError("\"select\" 1", "syntax error at or near \"\"select\"\"", 1);
    }

    @Test
    void blankStatementIsEmpty() {
        assertThat(parse("")).isEqualTo(new EmptyStatement());
        assertThat(parse("  -- nothing\n /* at all */ ")).isEqualTo(new EmptyStatement());
    }

    @Test
    void unknownLeadingKeyword() {
        assertSyntaxError("FOO bar", "syntax error at or near \"FOO\"", 1);
        assertSyntaxError("  /* c */ lock table t", "syntax error at or near \"lock\"", 11);
    }

    @Test
    void scannerErrorsAreWordedAsPostgres() {
        assertSyntaxError("COMMENT ON TABLE t IS 'abc", "unterminated quoted string at or near \"'abc\"", 23);
        assertSyntaxError("COMMENT ON TABLE t IS E'abc\\'", "unterminated quoted string at or near \"E'abc\\'\"", 23);
        assertSyntaxError("DROP TABLE \"abc", "unterminated quoted identifier at or near \"\"abc\"", 12);
        assertSyntaxError("DROP TABLE t /* abc", "unterminated /* comment at or near \"/* abc\"", 14);
        assertSyntaxError("/* abc", "unterminated /* comment at or near \"/* abc\"", 1);
        assertSyntaxError("COMMENT ON TABLE t IS $$abc", "unterminated dollar-quoted string at or near \"$$abc\"", 23);
        assertSyntaxError("DROP TABLE \"\"", "zero-length delimited identifier at or near \"\"\"\"", 12);
        assertSyntaxError("DROP TABLE t ?", "syntax error at or near \"?\"", 14);
    }

    @Test
    void nestedCommentsAreSkipped() {
        assertThat(parse("DROP /* a /* b */ c */ TABLE t")).isEqualTo(new DropTable(List.of(QualifiedName.of("t")), false, false));
    }

    @Test
    void positionsCountCharactersNotUtf16Units() {
        assertSyntaxError("COMMENT ON TABLE \"\uD83D\uDE00\" IS x", "syntax error at or near \"x\"", 25);
    }

    @Test
    void trailingSemicolonIsAccepted() {
        assertThat(parse("CHECKPOINT ;")).isEqualTo(new Checkpoint());
        assertSyntaxError("CHECKPOINT; CHECKPOINT", "syntax error at or near \"CHECKPOINT\"", 13);
    }

    /** Every keyword may follow a dot, as in PostgreSQL, which also proves each is listed in a keyword category. */
    @Test
    void everyKeywordIsALabelAfterADot() {
        Vocabulary vocabulary = PgUtilityLexer.VOCABULARY;
        int keywords = 0;
        for (int type = 1; type <= vocabulary.getMaxTokenType(); type++) {
            String literal = vocabulary.getLiteralName(type);
            if (literal != null && literal.matches("'[a-z_]+'")) {
                String word = literal.substring(1, literal.length() - 1);
                assertThat(parse("DROP TABLE s." + word))
                        .isEqualTo(new DropTable(List.of(new QualifiedName("s", word)), false, false));
                keywords++;
            }
        }
        assertThat(keywords).isGreaterThan(150);
    }
}
