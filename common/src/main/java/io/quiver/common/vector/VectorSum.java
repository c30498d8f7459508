package io.quiver.common.vector;

/**
 * The state of pgvector's {@code sum(vector)}: the first vector, then vector_add of each further one, so
 * in float4 with vector_add's dimension and overflow errors. No input gives SQL NULL.
 */
public final class VectorSum {
    private float[] sum;

    /** The transition function; SQL NULL inputs are skipped by the caller as for any strict aggregate. */
    public void add(float[] v) {
        sum = sum == null ? v.clone() : VectorMath.add(sum, v);
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
