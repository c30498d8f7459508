package io.quiver.sql.utility;

import static io.quiver.sql.utility.Parsing.assertError;
import static io.quiver.sql.utility.Parsing.assertSyntaxError;
import static io.quiver.sql.utility.Parsing.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.common.error.SqlState;
import io.quiver.sql.utility.CommentOn.ObjectKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class DdlAndMaintenanceTest {

    @Test
    void dropTable() {
        assertThat(parse("DROP TABLE IF EXISTS a, S.\"B\" CASCADE")).isEqualTo(new DropTable(
                List.of(QualifiedName.of("a"), new QualifiedName("s", "B")), true, true));
        assertThat(parse("drop table t restrict")).isEqualTo(new DropTable(List.of(QualifiedName.of("t")), false, false));
    }

    @Test
    void schemas() {
        assertThat(parse("CREATE SCHEMA IF NOT EXISTS App")).isEqualTo(new CreateSchema("app", true));
        assertThat(parse("create schema \"App\"")).isEqualTo(new CreateSchema("App", false));
        assertThat(parse("DROP SCHEMA IF EXISTS a, b CASCADE")).isEqualTo(new DropSchema(List.of("a", "b"), true, true));
    }

    @Test
    void extensions() {
        assertThat(parse("CREATE EXTENSION vector")).isEqualTo(new CreateExtension("vector", false, null));
        assertThat(parse("CREATE EXTENSION IF NOT EXISTS \"vector\" WITH SCHEMA public"))
                .isEqualTo(new CreateExtension("vector", true, "public"));
        assertThat(parse("DROP EXTENSION vector")).isEqualTo(new DropExtension(List.of("vector"), false, false));
        assertThat(parse("drop extension if exists vector cascade")).isEqualTo(new DropExtension(List.of("vector"), true, true));
    }

    @Test
    void backup() {
        assertThat(parse("BACKUP TO '/srv/backups/quiver'")).isEqualTo(new Backup("/srv/backups/quiver"));
        assertThat(parse("backup to E'/it''s'")).isEqualTo(new Backup("/it's"));
        // an unreserved keyword: still a name
        assertThat(parse("DROP TABLE backup")).isEqualTo(new DropTable(List.of(QualifiedName.of("backup")), false, false));
    }

    @Test
    void truncate() {
        assertThat(parse("TRUNCATE t")).isEqualTo(new Truncate(List.of(QualifiedName.of("t")), false, false));
        assertThat(parse("TRUNCATE TABLE a, s.b RESTART IDENTITY CASCADE"))
                .isEqualTo(new Truncate(List.of(QualifiedName.of("a"), new QualifiedName("s", "b")), true, true));
        assertThat(parse("truncate a continue identity")).isEqualTo(new Truncate(List.of(QualifiedName.of("a")), false, false));
    }

    @Test
    void discardAndDeallocate() {
        assertThat(parse("DISCARD ALL")).isEqualTo(new Discard(Discard.Target.ALL));
        assertThat(parse("discard plans")).isEqualTo(new Discard(Discard.Target.PLANS));
        assertThat(parse("DISCARD SEQUENCES")).isEqualTo(new Discard(Discard.Target.SEQUENCES));
        assertThat(parse("DISCARD TEMPORARY")).isEqualTo(new Discard(Discard.Target.TEMP));
        assertThat(parse("DISCARD TEMP")).isEqualTo(new Discard(Discard.Target.TEMP));
        assertThat(parse("DEALLOCATE S_1")).isEqualTo(new Deallocate("s_1"));
        assertThat(parse("DEALLOCATE PREPARE \"S_1\"")).isEqualTo(new Deallocate("S_1"));
        assertThat(((Deallocate) parse("DEALLOCATE ALL")).all()).isTrue();
    }

    @Test
    void commentOn() {
        assertThat(parse("COMMENT ON TABLE s.t IS 'items'"))
                .isEqualTo(new CommentOn(ObjectKind.TABLE, new QualifiedName("s", "t"), null, "items"));
        assertThat(parse("COMMENT ON COLUMN t.Embedding IS 'vec'"))
                .isEqualTo(new CommentOn(ObjectKind.COLUMN, QualifiedName.of("t"), "embedding", "vec"));
        assertThat(parse("COMMENT ON COLUMN s.t.c IS NULL"))
                .isEqualTo(new CommentOn(ObjectKind.COLUMN, new QualifiedName("s", "t"), "c", null));
        assertThat(parse("comment on index i is $$x$$"))
                .isEqualTo(new CommentOn(ObjectKind.INDEX, QualifiedName.of("i"), null, "x"));
        assertThat(parse("COMMENT ON EXTENSION vector IS 'v'"))
                .isEqualTo(new CommentOn(ObjectKind.EXTENSION, QualifiedName.of("vector"), null, "v"));
        assertThat(parse("COMMENT ON SCHEMA app IS 'a'"))
                .isEqualTo(new CommentOn(ObjectKind.SCHEMA, QualifiedName.of("app"), null, "a"));
    }

    @Test
    void commentOnErrorsAsPostgres() {
        assertSyntaxError("comment on column t is 'x'", "column name must be qualified", 0);
        assertSyntaxError("comment on table a.b.c.d is 'x'", "improper relation name (too many dotted names): a.b.c.d", 0);
        assertError("comment on table a.b.c is 'x'", SqlState.FEATURE_NOT_SUPPORTED,
                "cross-database references are not implemented: \"a.b.c\"", 0);
        assertSyntaxError("comment on schema a.b is 'x'", "syntax error at or near \".\"", 20);
    }

    @Test
    void analyzeAndVacuum() {
        assertThat(parse("ANALYZE")).isEqualTo(new Analyze(List.of()));
        assertThat(parse("analyse verbose t, s.u"))
                .isEqualTo(new Analyze(List.of(QualifiedName.of("t"), new QualifiedName("s", "u"))));
        assertThat(parse("VACUUM")).isEqualTo(new Vacuum(List.of(), false, false));
        assertThat(parse("VACUUM FULL VERBOSE ANALYZE t")).isEqualTo(new Vacuum(List.of(QualifiedName.of("t")), true, true, true));
        assertThat(parse("vacuum (full, analyze false, verbose) t"))
                .isEqualTo(new Vacuum(List.of(QualifiedName.of("t")), true, false, true));
        assertThat(parse("VACUUM (ANALYZE on, FULL 0)")).isEqualTo(new Vacuum(List.of(), false, true));
    }

    @Test
    void vacuumOptionErrors() {
        assertSyntaxError("vacuum (foo) t", "unrecognized VACUUM option \"foo\"", 9);
        assertSyntaxError("vacuum (full maybe) t", "full requires a Boolean value", 0);
    }

    @Test
    void checkpoint() {
        assertThat(parse("CHECKPOINT")).isEqualTo(new Checkpoint());
    }
}
