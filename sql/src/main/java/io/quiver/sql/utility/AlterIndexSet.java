package io.quiver.sql.utility;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code ALTER INDEX name SET (option = value, ...)}, options as in {@link CreateIndex#withOptions()}. */
public record AlterIndexSet(QualifiedName name, Map<String, String> options) implements UtilityStatement {
    public AlterIndexSet {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }
}
