package io.quiver.sql.utility;

import java.util.List;
import java.util.Objects;

/**
 * A type as written in a column definition or a cast, resolved to PostgreSQL's canonical {@code typname}
 * ({@code integer} becomes {@code int4}, {@code character varying} becomes {@code varchar}). Names that are
 * not built-in keywords are kept as written (folded), so the executor can report {@code type "foo" does not
 * exist}; a name qualified with a schema other than pg_catalog or public keeps its schema ({@code foo.bar}).
 *
 * @param modifiers       the type modifiers, e.g. {@code [10]} for {@code varchar(10)}, {@code [10, 2]} for
 *                        {@code numeric(10,2)}, {@code [3]} for {@code vector(3)}
 * @param arrayDimensions how many {@code []} suffixes follow the type (their sizes are ignored, as PostgreSQL does)
 * @param serial          for serial spellings, which one; {@link #name} is then the underlying integer type.
 *                        Only column definitions accept serial types: other callers reject them as PostgreSQL
 *                        does with {@code type "serial" does not exist}.
 */
public record TypeName(String name, List<Integer> modifiers, int arrayDimensions, SerialKind serial) {

    public enum SerialKind { NONE, SMALLSERIAL, SERIAL, BIGSERIAL }

    public TypeName {
        Objects.requireNonNull(name, "name");
        modifiers = List.copyOf(modifiers);
        Objects.requireNonNull(serial, "serial");
    }

    /** A plain, unmodified, non-array type. */
    public static TypeName of(String name) {
        return new TypeName(name, List.of(), 0, SerialKind.NONE);
    }

    /**
     * Parses a type as written after {@code ::} or in {@code CAST(... AS type)}.
     *
     * @throws io.quiver.common.error.QuiverException a syntax error, positioned within {@code text}
     */
    public static TypeName parse(String text) {
        return UtilityStatementParser.parseTypeName(text);
    }

    public boolean isArray() {
        return arrayDimensions > 0;
    }
}
