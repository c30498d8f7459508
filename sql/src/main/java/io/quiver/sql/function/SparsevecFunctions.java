package io.quiver.sql.function;

import io.quiver.common.vector.HalfFloats;
import io.quiver.common.vector.SparseMath;
import io.quiver.common.vector.SparseVector;
import io.quiver.common.vector.SparsevecText;
import io.quiver.common.vector.VectorText;
import org.apache.calcite.linq4j.function.Strict;

/** The Java methods generated query code calls for pgvector's sparsevec functions, operators and casts. */
@Strict
public final class SparsevecFunctions {
    private SparsevecFunctions() {
    }

    public static double l2Distance(SparseVector a, SparseVector b) {
        return SparseMath.l2Distance(a, b);
    }

    public static double innerProduct(SparseVector a, SparseVector b) {
        return SparseMath.innerProduct(a, b);
    }

    public static double negativeInnerProduct(SparseVector a, SparseVector b) {
        return SparseMath.negativeInnerProduct(a, b);
    }

    public static double cosineDistance(SparseVector a, SparseVector b) {
        return SparseMath.cosineDistance(a, b);
    }

    public static double l1Distance(SparseVector a, SparseVector b) {
        return SparseMath.l1Distance(a, b);
    }

    public static double l2Norm(SparseVector v) {
        return SparseMath.norm(v);
    }

    public static SparseVector l2Normalize(SparseVector v) {
        return SparseMath.l2Normalize(v);
    }

    /** sparsevec_in, with the dimension check of {@code sparsevec(typmod)} when typmod is positive. */
    public static SparseVector sparsevecIn(String text, int typmod) {
        return SparsevecText.parse(text, typmod > 0 ? typmod : -1);
    }

    public static String sparsevecOut(SparseVector v) {
        return SparsevecText.format(v);
    }

    /** The typmod coercion sparsevec -> sparsevec(typmod). */
    public static SparseVector withDimension(SparseVector v, int typmod) {
        return typmod <= 0 ? v : v.withDimension(typmod);
    }

    /** The casts vector and halfvec -> sparsevec(typmod). */
    public static SparseVector denseToSparsevec(float[] v, int typmod) {
        return withDimension(SparseVector.fromDense(v), typmod);
    }

    /** The cast sparsevec -> vector(typmod): the dense vector, within vector's dimension limit. */
    public static float[] sparsevecToVector(SparseVector v, int typmod) {
        return HalfvecFunctions.halfvecToVector(dense(v), typmod);
    }

    /** The cast sparsevec -> halfvec(typmod). */
    public static float[] sparsevecToHalfvec(SparseVector v, int typmod) {
        return HalfvecFunctions.halfvecToVector(HalfFloats.fromFloats(dense(v)), typmod);
    }

    private static float[] dense(SparseVector v) {
        if (v.dimensions() > VectorText.MAX_DIMENSIONS) {
            // vector's CheckDim, reached before any dense value exists.
            VectorText.checkDimensions(v.dimensions());
        }
        return v.toDense();
    }
}
