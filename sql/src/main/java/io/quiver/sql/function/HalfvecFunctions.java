package io.quiver.sql.function;

import io.quiver.common.type.PgType;
import io.quiver.common.vector.HalfFloats;
import io.quiver.common.vector.HalfvecMath;
import io.quiver.common.vector.HalfvecText;
import io.quiver.common.vector.VectorMath;
import java.util.List;
import org.apache.calcite.linq4j.function.Strict;

/**
 * The Java methods generated query code calls for pgvector's halfvec functions, operators and casts where they
 * differ from vector's: halfvec is a {@code float[]} of exact halves, so the distances are vector's kernels
 * after halfvec's own dimension check, and results that are halfvecs are rounded to half precision.
 */
@Strict
public final class HalfvecFunctions {
    private HalfvecFunctions() {
    }

    public static double l2Distance(float[] a, float[] b) {
        HalfvecMath.checkSameDimensions(a, b);
        return VectorMath.l2Distance(a, b);
    }

    public static double innerProduct(float[] a, float[] b) {
        HalfvecMath.checkSameDimensions(a, b);
        return VectorMath.innerProduct(a, b);
    }

    public static double negativeInnerProduct(float[] a, float[] b) {
        HalfvecMath.checkSameDimensions(a, b);
        return VectorMath.negativeInnerProduct(a, b);
    }

    public static double cosineDistance(float[] a, float[] b) {
        HalfvecMath.checkSameDimensions(a, b);
        return VectorMath.cosineDistance(a, b);
    }

    public static double l1Distance(float[] a, float[] b) {
        HalfvecMath.checkSameDimensions(a, b);
        return VectorMath.l1Distance(a, b);
    }

    public static float[] l2Normalize(float[] v) {
        return HalfvecMath.l2Normalize(v);
    }

    public static float[] subvector(float[] v, int start, int count) {
        return HalfvecMath.subvector(v, start, count);
    }

    public static float[] add(float[] a, float[] b) {
        return HalfvecMath.add(a, b);
    }

    public static float[] subtract(float[] a, float[] b) {
        return HalfvecMath.subtract(a, b);
    }

    public static float[] multiply(float[] a, float[] b) {
        return HalfvecMath.multiply(a, b);
    }

    /** halfvec_in, with the dimension check of {@code halfvec(typmod)} when typmod is positive. */
    public static float[] halfvecIn(String text, int typmod) {
        return HalfvecText.parse(text, typmod > 0 ? typmod : -1);
    }

    /** The cast halfvec -> vector(typmod): every half is a float, so only the dimension is checked. */
    public static float[] halfvecToVector(float[] v, int typmod) {
        return typmod > 0 ? VectorFunctions.withDimension(v, typmod) : v;
    }

    /** The casts vector -> halfvec(typmod): each element rounded, overflow an error. */
    public static float[] vectorToHalfvec(float[] v, int typmod) {
        return halfvecToVector(HalfFloats.fromFloats(v), typmod);
    }

    /** array_to_halfvec from int[]. */
    public static float[] intArrayToHalfvec(List<?> array, int typmod) {
        return HalfFloats.fromFloats(VectorMath.fromArray(array.toArray(), PgType.INT4, typmod));
    }

    /** array_to_halfvec from real[]. */
    public static float[] realArrayToHalfvec(List<?> array, int typmod) {
        return HalfFloats.fromFloats(VectorMath.fromArray(array.toArray(), PgType.FLOAT4, typmod));
    }

    /** array_to_halfvec from double precision[]. */
    public static float[] doubleArrayToHalfvec(List<?> array, int typmod) {
        return HalfFloats.fromFloats(VectorMath.fromArray(array.toArray(), PgType.FLOAT8, typmod));
    }

    /** array_to_halfvec from numeric[]. */
    public static float[] numericArrayToHalfvec(List<?> array, int typmod) {
        return HalfFloats.fromFloats(VectorMath.fromArray(array.toArray(), PgType.NUMERIC, typmod));
    }
}
