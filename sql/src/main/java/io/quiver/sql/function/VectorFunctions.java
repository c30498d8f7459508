package io.quiver.sql.function;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgType;
import io.quiver.common.vector.VectorMath;
import io.quiver.common.vector.VectorText;
import io.quiver.sql.type.VectorSqlType;
import java.util.List;
import org.apache.calcite.linq4j.function.Strict;

/**
 * The Java methods that generated query code calls for vector operators, functions and casts. Semantics are
 * {@link VectorMath}'s and {@link VectorText}'s; this class only adapts them to Calcite's runtime values (arrays
 * are {@link List}s) and adds the casts' dimension checks. Like pgvector's functions these, and the other
 * type families' (all {@link Strict}), are STRICT: Calcite returns NULL for a NULL argument without calling them.
 */
@Strict
public final class VectorFunctions {
    /**
     * The last text parsed by {@link #vectorIn}: a query compares every row against the same constant string, and
     * generated code passes the same String instance each time, so an identity check spares re-parsing it.
     */
    private static volatile ParsedText lastParsed = new ParsedText("", new float[0]);

    private VectorFunctions() {
    }

    public static double l2Distance(float[] a, float[] b) {
        return VectorMath.l2Distance(a, b);
    }

    public static double innerProduct(float[] a, float[] b) {
        return VectorMath.innerProduct(a, b);
    }

    public static double negativeInnerProduct(float[] a, float[] b) {
        return VectorMath.negativeInnerProduct(a, b);
    }

    public static double cosineDistance(float[] a, float[] b) {
        return VectorMath.cosineDistance(a, b);
    }

    public static double l1Distance(float[] a, float[] b) {
        return VectorMath.l1Distance(a, b);
    }

    public static int vectorDims(float[] v) {
        return VectorMath.dims(v);
    }

    public static double vectorNorm(float[] v) {
        return VectorMath.norm(v);
    }

    public static float[] l2Normalize(float[] v) {
        return VectorMath.l2Normalize(v);
    }

    public static float[] subvector(float[] v, int start, int count) {
        return VectorMath.subvector(v, start, count);
    }

    public static float[] vectorAdd(float[] a, float[] b) {
        return VectorMath.add(a, b);
    }

    public static float[] vectorSub(float[] a, float[] b) {
        return VectorMath.subtract(a, b);
    }

    public static float[] vectorMul(float[] a, float[] b) {
        return VectorMath.multiply(a, b);
    }

    /**
     * vector_in without a declared dimension. The result may be shared between calls with the same text, which
     * is safe because no vector function modifies its arguments.
     */
    public static float[] vectorIn(String text) {
        ParsedText last = lastParsed;
        if (last.text == text) {
            return last.vector;
        }
        float[] vector = VectorText.parse(text);
        lastParsed = new ParsedText(text, vector);
        return vector;
    }

    /** vector_in into {@code vector(typmod)}. */
    public static float[] vectorInTypmod(String text, int typmod) {
        return withDimension(vectorIn(text), typmod);
    }

    public static String vectorOut(float[] v) {
        return VectorText.format(v);
    }

    /** The typmod coercion vector -> vector(typmod); a typmod of -1 (no dimension declared) takes any. */
    public static float[] withDimension(float[] v, int typmod) {
        if (typmod != VectorSqlType.ANY_DIMENSION && v.length != typmod) {
            throw QuiverException.of(SqlState.DATA_EXCEPTION, "expected %d dimensions, not %d", typmod, v.length);
        }
        return v;
    }

    /** array_to_vector from int[]. */
    public static float[] intArrayToVector(List<?> array, int typmod) {
        return VectorMath.fromArray(array.toArray(), PgType.INT4, typmod);
    }

    /** array_to_vector from real[]. */
    public static float[] realArrayToVector(List<?> array, int typmod) {
        return VectorMath.fromArray(array.toArray(), PgType.FLOAT4, typmod);
    }

    /** array_to_vector from double precision[]. */
    public static float[] doubleArrayToVector(List<?> array, int typmod) {
        return VectorMath.fromArray(array.toArray(), PgType.FLOAT8, typmod);
    }

    /** array_to_vector from numeric[]. */
    public static float[] numericArrayToVector(List<?> array, int typmod) {
        return VectorMath.fromArray(array.toArray(), PgType.NUMERIC, typmod);
    }

    /** vector_to_float4: vector -> real[]. */
    public static List<Float> vectorToRealArray(float[] v) {
        return List.of(VectorMath.toFloatArray(v));
    }

    private record ParsedText(String text, float[] vector) {
    }
}
