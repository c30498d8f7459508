package io.quiver.catalog;

/** A schema-qualified relation name. */
public record QualifiedTableName(String schema, String name) {
    @Override
    public String toString() {
        return schema + "." + name;
    }
}
