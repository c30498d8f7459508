package io.quiver.sql.utility;

import static io.quiver.sql.utility.Parsing.assertSyntaxError;
import static io.quiver.sql.utility.Parsing.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransactionStatementsTest {

    @Test
    void begin() {
        assertThat(parse("BEGIN")).isEqualTo(new Begin(null, null));
        assertThat(parse("begin work;")).isEqualTo(new Begin(null, null));
        assertThat(parse("BEGIN TRANSACTION ISOLATION LEVEL READ COMMITTED READ ONLY"))
                .isEqualTo(new Begin(IsolationLevel.READ_COMMITTED, true));
        assertThat(parse("START TRANSACTION READ WRITE, ISOLATION LEVEL READ UNCOMMITTED"))
                .isEqualTo(new Begin(IsolationLevel.READ_UNCOMMITTED, false));
        assertThat(parse("BEGIN READ ONLY READ WRITE")).isEqualTo(new Begin(null, false));
    }

    @Test
    void commitAndRollback() {
        assertThat(parse("COMMIT")).isEqualTo(new Commit());
        assertThat(parse("commit transaction")).isEqualTo(new Commit());
        assertThat(parse("END WORK")).isEqualTo(new Commit());
        assertThat(parse("ROLLBACK")).isEqualTo(new Rollback());
        assertThat(parse("abort transaction")).isEqualTo(new Rollback());
    }

    @Test
    void savepoints() {
        assertThat(parse("SAVEPOINT Sp1")).isEqualTo(new Savepoint("sp1"));
        assertThat(parse("RELEASE SAVEPOINT sp1")).isEqualTo(new ReleaseSavepoint("sp1"));
        assertThat(parse("release \"Sp1\"")).isEqualTo(new ReleaseSavepoint("Sp1"));
        assertThat(parse("RELEASE savepoint")).isEqualTo(new ReleaseSavepoint("savepoint"));
        assertThat(parse("ROLLBACK TO SAVEPOINT sp1")).isEqualTo(new RollbackToSavepoint("sp1"));
        assertThat(parse("rollback work to sp1")).isEqualTo(new RollbackToSavepoint("sp1"));
    }

    @Test
    void syntaxErrors() {
        assertSyntaxError("BEGIN ISOLATION LEVEL", "syntax error at end of input", 22);
        assertSyntaxError("BEGIN ISOLATION LEVEL READ", "syntax error at end of input", 27);
        assertSyntaxError("COMMIT now", "syntax error at or near \"now\"", 8);
        assertSyntaxError("SAVEPOINT", "syntax error at end of input", 10);
    }
}
