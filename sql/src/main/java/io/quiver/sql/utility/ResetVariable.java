package io.quiver.sql.utility;

/** {@code RESET name}; names as in {@link ShowVariable}, {@code "all"} for RESET ALL. */
public record ResetVariable(String name) implements UtilityStatement {
}
