package io.quiver.wire.type;

import io.netty.buffer.ByteBuf;
import io.quiver.common.type.PgFloatFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** float4 and float8: shortest round-trip text as PostgreSQL prints it, IEEE 754 big-endian in binary. */
final class FloatCodec implements TypeCodec {
    static final FloatCodec FLOAT4 = new FloatCodec(true, "real");
    static final FloatCodec FLOAT8 = new FloatCodec(false, "double precision");

    /** What float8in accepts besides the special words; Java's parser also takes hex and 'd'/'f' suffixes. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final Pattern NONZERO_MANTISSA = Pattern.compile("^[^eE]*[1-9]");

    private final boolean single;
    private final String sqlName;

    private FloatCodec(boolean single, String sqlName) {
        this.single = single;
        this.sqlName = sqlName;
    }

    @Override
    public String encodeText(Object value) {
        return single ? PgFloatFormat.format((Float) value) : PgFloatFormat.format((Double) value);
    }

    @Override
    public Object decodeText(String text) {
        String trimmed = text.strip();
        double parsed = switch (trimmed.toLowerCase(Locale.ROOT)) {
            case "nan", "+nan", "-nan" -> Double.NaN;
            case "infinity", "+infinity", "inf", "+inf" -> Double.POSITIVE_INFINITY;
            case "-infinity", "-inf" -> Double.NEGATIVE_INFINITY;
            default -> parseFinite(text, trimmed);
        };
        return single ? (Object) (float) parsed : (Object) parsed;
    }

    private double parseFinite(String text, String trimmed) {
        if (!DECIMAL.matcher(trimmed).matches()) {
            throw InvalidInput.syntax(sqlName, text);
        }
        double parsed = Double.parseDouble(trimmed);
        double stored = single ? (float) parsed : parsed;
        boolean underflow = stored == 0 && NONZERO_MANTISSA.matcher(trimmed).find();
        if (Double.isInfinite(stored) || underflow) {
            throw InvalidInput.outOfRange(text, sqlName);
        }
        return parsed;
    }

    @Override
    public void encodeBinary(Object value, ByteBuf out) {
        if (single) {
            out.writeFloat(((Number) value).floatValue());
        } else {
            out.writeDouble(((Number) value).doubleValue());
        }
    }

    @Override
    public Object decodeBinary(ByteBuf in) {
        return single ? (Object) in.readFloat() : (Object) in.readDouble();
    }
}
