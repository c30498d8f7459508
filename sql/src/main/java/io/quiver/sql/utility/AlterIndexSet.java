package io.quiver.sql.utility;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ALTER INDEX [IF EXISTS] name SET (option = value, ...)}, options as in {@link CreateIndex#withOptions()},
 * or {@code RESET (option, ...)}, which gives each value as null.
 */
public record AlterIndexSet(QualifiedName name, boolean ifExists, Map<String, String> options)
        implements UtilityStatement {
    public AlterIndexSet {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    public AlterIndexSet(QualifiedName name, Map<String, String> options) {
        this(name, false, options);
    }

    public boolean reset() {
        return options.values().stream().allMatch(v -> v == null);
    }
}
