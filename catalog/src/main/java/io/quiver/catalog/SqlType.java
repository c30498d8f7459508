package io.quiver.catalog;

import io.quiver.common.type.PgType;

/**
 * A column's declared type: the PostgreSQL type and its modifier.
 *
 * @param type the base type (an array type for array columns)
 * @param typmod PostgreSQL's atttypmod: the dimension for vector, halfvec and sparsevec, the length for bit and
 *        varbit, length + 4 for varchar/bpchar,
 *        ((precision << 16) | scale) + 4 for numeric, -1 when there is none
 */
public record SqlType(PgType type, int typmod) {
    public static SqlType of(PgType type) {
        return new SqlType(type, -1);
    }

    public static SqlType vector(int dimensions) {
        return new SqlType(PgType.VECTOR, dimensions);
    }

    /**
     * The dimension of a dense vector column (vector or halfvec, both float[] at run time and searched alike),
     * or -1 for any other type or an undimensioned vector.
     */
    public int dimensions() {
        return type == PgType.VECTOR || type == PgType.HALFVEC ? typmod : -1;
    }

    /** The type as PostgreSQL's format_type() prints it ({@code vector(3)}, {@code character varying(20)}). */
    public String displayName() {
        if (type.isArray()) {
            return new SqlType(type.elementType(), typmod).displayName() + "[]";
        }
        return switch (type) {
            case NUMERIC -> typmod < 4 ? "numeric"
                    : "numeric(" + ((typmod - 4) >> 16) + "," + ((typmod - 4) & 0xffff) + ")";
            case VARCHAR -> typmod < 4 ? "character varying" : "character varying(" + (typmod - 4) + ")";
            case BPCHAR -> typmod < 4 ? "bpchar" : "character(" + (typmod - 4) + ")";
            case VECTOR, HALFVEC, SPARSEVEC, BIT, VARBIT -> typmod < 0 ? type.formatName()
                    : type.formatName() + "(" + typmod + ")";
            default -> type.formatName();
        };
    }
}
