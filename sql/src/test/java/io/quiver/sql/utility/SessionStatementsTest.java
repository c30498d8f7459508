package io.quiver.sql.utility;

import static io.quiver.sql.utility.Parsing.assertSyntaxError;
import static io.quiver.sql.utility.Parsing.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SessionStatementsTest {

    @Test
    void setWithToOrEquals() {
        assertThat(parse("SET hnsw.ef_search = 100")).isEqualTo(new SetVariable("hnsw.ef_search", List.of("100"), false));
        assertThat(parse("set Search_Path to Public, \"$user\", 'x y'"))
                .isEqualTo(new SetVariable("search_path", List.of("public", "$user", "x y"), false));
        assertThat(parse("SET extra_float_digits = -3")).isEqualTo(new SetVariable("extra_float_digits", List.of("-3"), false));
        assertThat(parse("SET x = 1.5")).isEqualTo(new SetVariable("x", List.of("1.5"), false));
        assertThat(parse("SET enable_seqscan = off")).isEqualTo(new SetVariable("enable_seqscan", List.of("off"), false));
        assertThat(parse("SET enable_seqscan TO ON")).isEqualTo(new SetVariable("enable_seqscan", List.of("on"), false));
        assertThat(parse("SET standard_conforming_strings = true"))
                .isEqualTo(new SetVariable("standard_conforming_strings", List.of("true"), false));
    }

    @Test
    void setDefaultHasNoValues() {
        SetVariable set = (SetVariable) parse("SET work_mem TO DEFAULT");
        assertThat(set.values()).isEmpty();
        assertThat(set.isDefault()).isTrue();
    }

    @Test
    void setSessionAndLocal() {
        assertThat(parse("SET SESSION statement_timeout = 0")).isEqualTo(new SetVariable("statement_timeout", List.of("0"), false));
        assertThat(parse("SET LOCAL hnsw.ef_search = 40")).isEqualTo(new SetVariable("hnsw.ef_search", List.of("40"), true));
    }

    @Test
    void specialSetForms() {
        assertThat(parse("SET TIME ZONE 'UTC'")).isEqualTo(new SetVariable("timezone", List.of("UTC"), false));
        assertThat(parse("SET TIME ZONE LOCAL")).isEqualTo(new SetVariable("timezone", List.of(), false));
        assertThat(parse("set local time zone default")).isEqualTo(new SetVariable("timezone", List.of(), true));
        assertThat(parse("SET NAMES 'utf8'")).isEqualTo(new SetVariable("client_encoding", List.of("utf8"), false));
        assertThat(parse("SET SCHEMA 'app'")).isEqualTo(new SetVariable("search_path", List.of("app"), false));
    }

    @Test
    void setTransaction() {
        assertThat(parse("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE, READ ONLY"))
                .isEqualTo(new SetTransaction(IsolationLevel.SERIALIZABLE, true, false));
        assertThat(parse("SET TRANSACTION READ WRITE")).isEqualTo(new SetTransaction(null, false, false));
        assertThat(parse("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL REPEATABLE READ"))
                .isEqualTo(new SetTransaction(IsolationLevel.REPEATABLE_READ, null, true));
    }

    @Test
    void stringLiteralsOfEveryKind() {
        assertThat(parse("SET application_name = 'it''s'")).isEqualTo(new SetVariable("application_name", List.of("it's"), false));
        assertThat(parse("SET application_name = E'a\\tb\\'c\\x41\\101\\u00e9'"))
                .isEqualTo(new SetVariable("application_name", List.of("a\tb'cAA\u00e9"), false));
        assertThat(parse("SET application_name = $$a'b$$")).isEqualTo(new SetVariable("application_name", List.of("a'b"), false));
        assertThat(parse("SET application_name = $q$x$$y$q$")).isEqualTo(new SetVariable("application_name", List.of("x$$y"), false));
    }

    @Test
    void show() {
        assertThat(parse("SHOW search_path")).isEqualTo(new ShowVariable("search_path"));
        assertThat(parse("show HNSW.EF_SEARCH")).isEqualTo(new ShowVariable("hnsw.ef_search"));
        assertThat(parse("SHOW ALL")).isEqualTo(new ShowVariable("all"));
        assertThat(parse("SHOW TIME ZONE")).isEqualTo(new ShowVariable("timezone"));
        assertThat(parse("SHOW TRANSACTION ISOLATION LEVEL")).isEqualTo(new ShowVariable("transaction_isolation"));
    }

    @Test
    void reset() {
        assertThat(parse("RESET hnsw.ef_search")).isEqualTo(new ResetVariable("hnsw.ef_search"));
        assertThat(parse("reset all")).isEqualTo(new ResetVariable("all"));
        assertThat(parse("RESET TIME ZONE")).isEqualTo(new ResetVariable("timezone"));
    }

    @Test
    void setSyntaxErrors() {
        assertSyntaxError("SET x", "syntax error at end of input", 6);
        assertSyntaxError("SET x = ", "syntax error at end of input", 9);
        assertSyntaxError("SET x = 'a", "unterminated quoted string at or near \"'a\"", 9);
        assertSyntaxError("SET x = (1)", "syntax error at or near \"(\"", 9);
    }
}
