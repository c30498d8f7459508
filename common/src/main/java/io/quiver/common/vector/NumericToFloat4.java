package io.quiver.common.vector;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import java.math.BigDecimal;

/** PostgreSQL 15's numeric_float4: numeric_out's text read back by float4in, with float4in's range errors. */
final class NumericToFloat4 {
    private NumericToFloat4() {
    }

    static float convert(BigDecimal value) {
        String text = value.toPlainString();
        float result = Float.parseFloat(text);
        // float4in rejects what strtof reports as ERANGE: overflow to infinity and underflow to zero.
        if (Float.isInfinite(result) || (result == 0 && value.signum() != 0)) {
            throw QuiverException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "\"%s\" is out of range for type real", text);
        }
        return result;
    }
}
