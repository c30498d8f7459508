package io.quiver.sql.utility;

/**
 * {@code SHOW name}; {@code name} is lower-cased, {@code "all"} for SHOW ALL, and the multi-word forms use
 * their variable names ({@code timezone}, {@code transaction_isolation}).
 */
public record ShowVariable(String name) implements UtilityStatement {
}
