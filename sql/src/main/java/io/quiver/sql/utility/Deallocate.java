package io.quiver.sql.utility;

/** {@code DEALLOCATE [PREPARE] {name | ALL}}; {@code name} is null for ALL. */
public record Deallocate(String name) implements UtilityStatement {

    public boolean all() {
        return name == null;
    }
}
