package io.quiver.storage.codec;

import io.quiver.common.type.PgType;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Encodes primary key values so that two keys are byte-equal exactly when PostgreSQL's equality says the
 * values are equal: 1.0 = 1.00, -0.0 = 0.0, and timestamptz values compare as instants.
 */
public final class KeyCodec {
    private final PgType[] types;

    public KeyCodec(List<PgType> keyTypes) {
        this.types = keyTypes.toArray(PgType[]::new);
    }

    /** The key's bytes; the values must not be null (primary key columns are NOT NULL). */
    public byte[] encode(Object[] keyValues) {
        if (keyValues.length != types.length) {
            throw new IllegalArgumentException("key has " + keyValues.length + " values, the primary key " + types.length + " columns");
        }
        ByteWriter out = new ByteWriter(16 * keyValues.length);
        for (int i = 0; i < types.length; i++) {
            ValueCodec.write(out, types[i], normalize(keyValues[i]));
        }
        return out.toByteArray();
    }

    private static Object normalize(Object value) {
        return switch (value) {
            case BigDecimal d -> d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
            case Float f -> f == 0f ? 0f : Float.isNaN(f) ? Float.NaN : f;
            case Double d -> d == 0d ? 0d : Double.isNaN(d) ? Double.NaN : d;
            case OffsetDateTime t -> t.withOffsetSameInstant(ZoneOffset.UTC);
            case Object[] array -> normalizeAll(array);
            default -> value;
        };
    }

    private static Object[] normalizeAll(Object[] array) {
        Object[] out = new Object[array.length];
        for (int i = 0; i < array.length; i++) {
            out[i] = array[i] == null ? null : normalize(array[i]);
        }
        return out;
    }
}
