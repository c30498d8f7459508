package io.quiver.sql.utility;

import java.util.Objects;

/** A relation or index name, optionally schema-qualified; both parts are already case-folded. */
public record QualifiedName(String schema, String name) {
    public QualifiedName {
        Objects.requireNonNull(name, "name");
    }

    public static QualifiedName of(String name) {
        return new QualifiedName(null, name);
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
