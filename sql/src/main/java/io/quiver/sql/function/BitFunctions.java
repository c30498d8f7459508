package io.quiver.sql.function;

import io.quiver.common.type.PgBitString;
import org.apache.calcite.linq4j.function.Strict;

/** The Java methods generated query code calls for bit strings: pgvector's bit distances, casts, binary_quantize. */
@Strict
public final class BitFunctions {
    private BitFunctions() {
    }

    public static double hammingDistance(PgBitString a, PgBitString b) {
        return PgBitString.hammingDistance(a, b);
    }

    public static double jaccardDistance(PgBitString a, PgBitString b) {
        return PgBitString.jaccardDistance(a, b);
    }

    /** binary_quantize over vector and halfvec. */
    public static PgBitString binaryQuantize(float[] v) {
        return PgBitString.binaryQuantize(v);
    }

    /** bit_in/varbit_in of a cast: {@code length} -1 for none, else padded or truncated as an explicit cast does. */
    public static PgBitString bitIn(String text, int length, boolean varying) {
        return withLength(PgBitString.parse(text), length, varying);
    }

    /** The explicit length coercion to bit(length) or bit varying(length). */
    public static PgBitString withLength(PgBitString bits, int length, boolean varying) {
        return bits.withLength(length, varying, true);
    }

    public static String bitOut(PgBitString bits) {
        return bits.toString();
    }
}
