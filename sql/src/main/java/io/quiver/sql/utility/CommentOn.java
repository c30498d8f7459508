package io.quiver.sql.utility;

/**
 * {@code COMMENT ON kind target IS {'text' | NULL}}. For a column, {@code target} is its table and
 * {@code column} its name; otherwise {@code column} is null. Extensions and schemas are never qualified.
 *
 * @param text the comment, or null to remove it
 */
public record CommentOn(ObjectKind kind, QualifiedName target, String column, String text)
        implements UtilityStatement {

    public enum ObjectKind { TABLE, COLUMN, INDEX, EXTENSION, SCHEMA }
}
