package io.quiver.sql.utility;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON table [USING method] (elements)
 * [WITH (options)] [WHERE predicate]}.
 *
 * @param name        null when the index is unnamed (the executor derives one, as PostgreSQL does)
 * @param method      the access method (hnsw, ivfflat, btree, ...), or null for the default
 * @param withOptions storage parameters in the order written: keys lower-cased, values without quotes
 *                    ({@code "true"} for a parameter given without a value)
 * @param whereSql    the partial-index predicate as raw SQL text, or null
 */
public record CreateIndex(String name, boolean unique, boolean concurrently, boolean ifNotExists,
                          QualifiedName table, String method, List<IndexElement> elements,
                          Map<String, String> withOptions, String whereSql) implements UtilityStatement {
    public CreateIndex {
        elements = List.copyOf(elements);
        withOptions = Collections.unmodifiableMap(new LinkedHashMap<>(withOptions));
    }
}
