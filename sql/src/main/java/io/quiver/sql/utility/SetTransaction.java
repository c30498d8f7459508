package io.quiver.sql.utility;

/**
 * {@code SET TRANSACTION modes} (the current transaction) or {@code SET SESSION CHARACTERISTICS AS TRANSACTION
 * modes} (the defaults of later transactions, when {@code sessionDefaults}).
 *
 * @param isolationLevel null when not given
 * @param readOnly       null when neither READ ONLY nor READ WRITE was given
 */
public record SetTransaction(IsolationLevel isolationLevel, Boolean readOnly, boolean sessionDefaults)
        implements UtilityStatement {
}
