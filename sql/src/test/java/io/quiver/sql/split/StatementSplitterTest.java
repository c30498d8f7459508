package io.quiver.sql.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    private static List<String> texts(String sql) {
        return StatementSplitter.split(sql).stream().map(StatementText::text).toList();
    }

    @Test
    void splitsOnSemicolonsTrimmingAndKeepingOffsets() {
        assertThat(StatementSplitter.split("  SELECT 1 ;\n\tSELECT 2;"))
                .containsExactly(new StatementText("SELECT 1", 2), new StatementText("SELECT 2", 14));
    }

    @Test
    void lastStatementNeedsNoSemicolon() {
        assertThat(StatementSplitter.split("BEGIN; COMMIT"))
                .containsExactly(new StatementText("BEGIN", 0), new StatementText("COMMIT", 7));
    }

    @Test
    void dropsEmptyAndCommentOnlyStatements() {
        assertThat(StatementSplitter.split(";; ;\n -- nothing ;\n ; /* nor ; this */ ; SELECT 1 ;  "))
                .containsExactly(new StatementText("SELECT 1", 41));
        assertThat(StatementSplitter.split("")).isEmpty();
        assertThat(StatementSplitter.split("  \n -- only a comment")).isEmpty();
    }

    @Test
    void keepsCommentsThatAreInsideAStatement() {
        assertThat(StatementSplitter.split("-- lead\nSELECT 1 /* tail */"))
                .containsExactly(new StatementText("-- lead\nSELECT 1 /* tail */", 0));
    }

    @Test
    void semicolonInStringWithDoubledQuoteIsNotASeparator() {
        assertThat(texts("SELECT 'it''s; fine'; SELECT 2")).containsExactly("SELECT 'it''s; fine'", "SELECT 2");
    }

    @Test
    void backslashDoesNotEscapeInStandardStrings() {
        assertThat(texts("SELECT 'a\\'; SELECT 'b'")).containsExactly("SELECT 'a\\'", "SELECT 'b'");
    }

    @Test
    void backslashEscapesQuoteInEscapeStrings() {
        assertThat(texts("SELECT E'a\\'; b'; SELECT e'\\\\'; SELECT 3"))
                .containsExactly("SELECT E'a\\'; b'", "SELECT e'\\\\'", "SELECT 3");
    }

    @Test
    void escapeStringPrefixMustStartAToken() {
        // In "xe'...'" the e ends the identifier xe, so the literal that follows is a standard string.
        assertThat(texts("SELECT xe'a\\'; SELECT 2")).containsExactly("SELECT xe'a\\'", "SELECT 2");
    }

    @Test
    void semicolonInQuotedIdentifierIsNotASeparator() {
        assertThat(texts("CREATE TABLE \"a;\"\"b\" (x int); DROP TABLE t"))
                .containsExactly("CREATE TABLE \"a;\"\"b\" (x int)", "DROP TABLE t");
    }

    @Test
    void lineCommentHidesSemicolonsUntilEndOfLine() {
        assertThat(texts("SELECT 1 -- not; here\n; SELECT 2 -- last; one"))
                .containsExactly("SELECT 1 -- not; here", "SELECT 2 -- last; one");
    }

    @Test
    void blockCommentsNest() {
        assertThat(texts("SELECT /* a /* b; */ c; */ 1; SELECT 2"))
                .containsExactly("SELECT /* a /* b; */ c; */ 1", "SELECT 2");
    }

    @Test
    void dollarQuotesWithAndWithoutTag() {
        assertThat(texts("SELECT $$a;b$$; SELECT $fn$ x; $$; $fn$; SELECT 3"))
                .containsExactly("SELECT $$a;b$$", "SELECT $fn$ x; $$; $fn$", "SELECT 3");
    }

    @Test
    void dollarQuoteTagsAreCaseSensitive() {
        assertThat(texts("SELECT $T$ ; $t$ ; $T$; SELECT 2")).containsExactly("SELECT $T$ ; $t$ ; $T$", "SELECT 2");
    }

    @Test
    void parametersAndDollarsInsideIdentifiersAreNotQuotes() {
        assertThat(texts("SELECT $1; SELECT a$b$; SELECT 3")).containsExactly("SELECT $1", "SELECT a$b$", "SELECT 3");
    }

    @Test
    void unterminatedQuotesAndCommentsRunToTheEnd() {
        assertThat(texts("SELECT 'a; SELECT 2")).containsExactly("SELECT 'a; SELECT 2");
        assertThat(texts("SELECT \"a; SELECT 2")).containsExactly("SELECT \"a; SELECT 2");
        assertThat(texts("SELECT $$a; SELECT 2")).containsExactly("SELECT $$a; SELECT 2");
        assertThat(StatementSplitter.split("SELECT 1; /* open ; comment"))
                .containsExactly(new StatementText("SELECT 1", 0), new StatementText("/* open ; comment", 10));
    }
}
