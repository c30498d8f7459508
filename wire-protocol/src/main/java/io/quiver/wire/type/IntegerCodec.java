package io.quiver.wire.type;

import io.netty.buffer.ByteBuf;

/** int2, int4 and int8, which differ only in width, range and the Java class of their values. */
final class IntegerCodec implements TypeCodec {
    static final IntegerCodec INT2 = new IntegerCodec(2, "smallint", Short.MIN_VALUE, Short.MAX_VALUE);
    static final IntegerCodec INT4 = new IntegerCodec(4, "integer", Integer.MIN_VALUE, Integer.MAX_VALUE);
    static final IntegerCodec INT8 = new IntegerCodec(8, "bigint", Long.MIN_VALUE, Long.MAX_VALUE);

    private final int width;
    private final String sqlName;
    private final long min;
    private final long max;

    private IntegerCodec(int width, String sqlName, long min, long max) {
        this.width = width;
        this.sqlName = sqlName;
        this.min = min;
        this.max = max;
    }

    @Override
    public String encodeText(Object value) {
        return value.toString();
    }

    @Override
    public Object decodeText(String text) {
        String digits = text.strip();
        if (!isSignedDigits(digits)) {
            throw InvalidInput.syntax(sqlName, text);
        }
        long parsed;
        try {
            parsed = Long.parseLong(digits);
        } catch (NumberFormatException tooLong) {
            throw InvalidInput.valueOutOfRange(text, sqlName);
        }
        if (parsed < min || parsed > max) {
            throw InvalidInput.valueOutOfRange(text, sqlName);
        }
        return box(parsed);
    }

    /** {@code [+-]?[0-9]+}, checked without a regex: COPY runs this for every integer field. */
    private static boolean isSignedDigits(String text) {
        int start = !text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
        if (start == text.length()) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void encodeBinary(Object value, ByteBuf out) {
        long v = ((Number) value).longValue();
        switch (width) {
            case 2 -> out.writeShort((int) v);
            case 4 -> out.writeInt((int) v);
            default -> out.writeLong(v);
        }
    }

    @Override
    public Object decodeBinary(ByteBuf in) {
        return switch (width) {
            case 2 -> in.readShort();
            case 4 -> in.readInt();
            default -> in.readLong();
        };
    }

    private Object box(long v) {
        return switch (width) {
            case 2 -> (short) v;
            case 4 -> (int) v;
            default -> v;
        };
    }
}
