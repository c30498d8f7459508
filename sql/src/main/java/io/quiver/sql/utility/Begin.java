package io.quiver.sql.utility;

/**
 * {@code BEGIN [WORK | TRANSACTION] [modes]} or {@code START TRANSACTION [modes]}.
 *
 * @param isolationLevel null when not given
 * @param readOnly       null when neither READ ONLY nor READ WRITE was given
 */
public record Begin(IsolationLevel isolationLevel, Boolean readOnly) implements UtilityStatement {
}
