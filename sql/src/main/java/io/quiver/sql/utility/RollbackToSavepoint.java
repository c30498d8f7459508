package io.quiver.sql.utility;

/** {@code ROLLBACK [WORK | TRANSACTION] TO [SAVEPOINT] name}. */
public record RollbackToSavepoint(String name) implements UtilityStatement {
}
