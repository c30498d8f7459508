package io.quiver.sql.utility;

import static io.quiver.sql.utility.Parsing.assertSyntaxError;
import static io.quiver.sql.utility.Parsing.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlterStatementsTest {
    @Test
    void alterTableActionsInOrder() {
        AlterTable alter = (AlterTable) parse("ALTER TABLE IF EXISTS ONLY app.items ADD COLUMN IF NOT EXISTS "
                + "note varchar(20) DEFAULT 'x' || 'y' NOT NULL, DROP embedding CASCADE, "
                + "ALTER COLUMN a SET NOT NULL, ALTER b DROP NOT NULL, ALTER c SET DEFAULT now(), ALTER d DROP DEFAULT");
        assertThat(alter.table()).isEqualTo(new QualifiedName("app", "items"));
        assertThat(alter.ifExists()).isTrue();
        assertThat(alter.actions()).hasSize(6);
        AlterTable.AddColumn add = (AlterTable.AddColumn) alter.actions().get(0);
        assertThat(add.ifNotExists()).isTrue();
        assertThat(add.column().name()).isEqualTo("note");
        assertThat(add.column().notNull()).isTrue();
        assertThat(add.column().defaultSql()).isEqualTo("'x' || 'y'");
        assertThat(alter.actions().subList(1, 6)).containsExactly(
                new AlterTable.DropColumn("embedding", false, true),
                new AlterTable.SetNotNull("a", true),
                new AlterTable.SetNotNull("b", false),
                new AlterTable.SetDefault("c", "now()"),
                new AlterTable.SetDefault("d", null));
    }

    @Test
    void dropColumnIfExists() {
        assertThat(parse("alter table t drop column if exists c"))
                .isEqualTo(new AlterTable(QualifiedName.of("t"), false,
                        List.of(new AlterTable.DropColumn("c", true, false))));
    }

    @Test
    void renames() {
        assertThat(parse("ALTER TABLE t RENAME TO u")).isEqualTo(new RenameTable(QualifiedName.of("t"), false, "u"));
        assertThat(parse("ALTER TABLE IF EXISTS s.t RENAME COLUMN a TO \"B\""))
                .isEqualTo(new RenameColumn(new QualifiedName("s", "t"), true, "a", "B"));
        assertThat(parse("alter table t rename a to b"))
                .isEqualTo(new RenameColumn(QualifiedName.of("t"), false, "a", "b"));
        assertThat(parse("ALTER INDEX IF EXISTS i RENAME TO j"))
                .isEqualTo(new RenameIndex(QualifiedName.of("i"), true, "j"));
    }

    @Test
    void alterIndexReset() {
        Map<String, String> reset = new LinkedHashMap<>();
        reset.put("m", null);
        reset.put("ef_construction", null);
        AlterIndexSet alter = (AlterIndexSet) parse("ALTER INDEX i RESET (m, EF_CONSTRUCTION)");
        assertThat(alter).isEqualTo(new AlterIndexSet(QualifiedName.of("i"), false, reset));
        assertThat(alter.reset()).isTrue();
    }

    @Test
    void renameCannotBeCombinedWithOtherActions() {
        assertSyntaxError("ALTER TABLE t RENAME TO u, ADD COLUMN c int", "syntax error at or near \",\"", 26);
    }

    @Test
    void addAndRenameStayUsableAsNames() {
        assertThat(parse("create table add (rename int)")).isInstanceOf(CreateTable.class);
    }
}
