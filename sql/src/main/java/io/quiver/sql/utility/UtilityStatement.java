package io.quiver.sql.utility;

/**
 * A statement Calcite does not parse: DDL, configuration, transaction control and maintenance. Produced by
 * {@link UtilityStatementParser#tryParse(String)}; the executor switches over the permitted records.
 */
public sealed interface UtilityStatement
        permits CreateTable, DropTable, CreateSchema, DropSchema, CreateExtension, DropExtension,
                CreateIndex, DropIndex, Reindex, AlterIndexSet, RenameIndex, AlterTable, RenameTable, RenameColumn,
                SetVariable, SetTransaction, ShowVariable, ResetVariable,
                Begin, Commit, Rollback, Savepoint, ReleaseSavepoint, RollbackToSavepoint,
                Truncate, Discard, Deallocate, CommentOn, Analyze, Vacuum, Checkpoint, EmptyStatement,
                Backup, CreateRole, AlterRole, RenameRole, DropRole, GrantPrivileges, AlterTableOwner {
}
