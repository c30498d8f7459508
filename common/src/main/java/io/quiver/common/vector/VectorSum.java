package io.quiver.common.vector;

/**
 * The state of pgvector's {@code sum(vector)}: the first vector, then vector_add of each further one, so
 * in float4 with vector_add's dimension and overflow errors; {@code sum(halfvec)} likewise with halfvec_add. No
 * input gives SQL NULL.
 */
public final class VectorSum {
    private final boolean half;
    private float[] sum;

    /** sum(vector). */
    public VectorSum() {
        this(false);
    }

    /** sum(halfvec) when {@code half}, else sum(vector). */
    public VectorSum(boolean half) {
        this.half = half;
    }

    /** The transition function; SQL NULL inputs are skipped by the caller as for any strict aggregate. */
    public void add(float[] v) {
        if (sum == null) {
            sum = v.clone();
        } else {
            sum = half ? HalfvecMath.add(sum, v) : VectorMath.add(sum, v);
        }
    }

    /** The combine function for partial aggregates. */
    public void combine(VectorSum other) {
        if (other.sum != null) {
            add(other.sum);
        }
    }

    /** The sum, or null (SQL NULL) when no vector was added. */
    public float[] result() {
        return sum == null ? null : sum.clone();
    }
}
