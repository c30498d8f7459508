package io.quiver.sql.utility;

import java.util.List;
import java.util.Objects;

/** A table-level PRIMARY KEY or UNIQUE constraint; {@code name} is null unless given with CONSTRAINT. */
public record TableConstraint(String name, Kind kind, List<String> columns) {

    public enum Kind { PRIMARY_KEY, UNIQUE }

    public TableConstraint {
        Objects.requireNonNull(kind, "kind");
        columns = List.copyOf(columns);
    }
}
