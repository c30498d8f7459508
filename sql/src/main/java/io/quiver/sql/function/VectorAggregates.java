package io.quiver.sql.function;

import io.quiver.common.vector.HalfFloats;
import io.quiver.common.vector.VectorAverage;
import io.quiver.common.vector.VectorSum;

/**
 * Accumulators of pgvector's {@code sum} and {@code avg} over vector and halfvec in the shape Calcite's
 * {@link org.apache.calcite.schema.impl.AggregateFunctionImpl} expects (init, add, merge, result). NULL inputs
 * never reach {@code add}: Calcite skips them for strict aggregates, as PostgreSQL does.
 */
public final class VectorAggregates {
    private VectorAggregates() {
    }

    /** sum(vector). */
    public static class Sum {
        public VectorSum init() {
            return new VectorSum();
        }

        public VectorSum add(VectorSum accumulator, float[] value) {
            accumulator.add(value);
            return accumulator;
        }

        public VectorSum merge(VectorSum accumulator, VectorSum other) {
            accumulator.combine(other);
            return accumulator;
        }

        public float[] result(VectorSum accumulator) {
            return accumulator.result();
        }
    }

    /** avg(vector). */
    public static class Avg {
        public VectorAverage init() {
            return new VectorAverage();
        }

        public VectorAverage add(VectorAverage accumulator, float[] value) {
            accumulator.add(value);
            return accumulator;
        }

        public VectorAverage merge(VectorAverage accumulator, VectorAverage other) {
            accumulator.combine(other);
            return accumulator;
        }

        public float[] result(VectorAverage accumulator) {
            return accumulator.result();
        }
    }

    /** sum(halfvec): halfvec_add of each value, in half precision. */
    public static final class HalfvecSum extends Sum {
        @Override
        public VectorSum init() {
            return new VectorSum(true);
        }
    }

    /** avg(halfvec): vector's float8 sums, the average rounded to half precision. */
    public static final class HalfvecAvg extends Avg {
        @Override
        public float[] result(VectorAverage accumulator) {
            float[] average = super.result(accumulator);
            return average == null ? null : HalfFloats.fromFloats(average);
        }
    }
}
