package io.quiver.storage.codec;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgType;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes secondary index keys so that comparing the bytes unsigned, left to right (MVStore's byte[] order)
 * orders them as the values compare: integers, floats (NaN last, -0 = 0), dates and timestamps by value,
 * text by UTF-16 code unit (as Java's and Calcite's string comparison), booleans false first, NULLs last as
 * in a PostgreSQL B-tree. Every column's encoding is prefix-free, so the keys of all rows whose first
 * columns equal some values share the encoding of those values as a prefix. Numeric values are encoded
 * canonically (1.0 and 1.00 alike) but not in order: an index serves equality on them, not ranges.
 */
public final class IndexKeyCodec {
    private static final int NOT_NULL = 0x01;
    private static final int NULL = 0x02;

    private final PgType[] types;

    public IndexKeyCodec(List<PgType> keyTypes) {
        this.types = keyTypes.toArray(PgType[]::new);
    }

    /** Whether a B-tree index can store values of this type. */
    public static boolean indexable(PgType type) {
        return switch (type) {
            case BOOL, INT2, INT4, INT8, OID, FLOAT4, FLOAT8, NUMERIC, TEXT, VARCHAR, BPCHAR, NAME, CHAR, BYTEA,
                 DATE, TIMESTAMP, TIMESTAMPTZ -> true;
            default -> false;
        };
    }

    /** Whether the encoding orders values of this type as they compare, so an index serves ranges on it. */
    public static boolean ordered(PgType type) {
        return indexable(type) && type != PgType.NUMERIC;
    }

    /** The encoding of {@code values}, the first {@code values.length} key columns' (a prefix of the key). */
    public byte[] encode(Object[] values) {
        if (values.length > types.length) {
            throw new IllegalArgumentException(values.length + " values for a key of " + types.length + " columns");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * values.length + Long.BYTES);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                out.write(NULL);
            } else {
                out.write(NOT_NULL);
                write(out, types[i], values[i]);
            }
        }
        return out.toByteArray();
    }

    /** {@code prefix} followed by the row id: the key of a row's entry in a non-unique index. */
    public static byte[] withRowId(byte[] prefix, long rowId) {
        byte[] key = Arrays.copyOf(prefix, prefix.length + Long.BYTES);
        writeLong(key, prefix.length, rowId);
        return key;
    }

    /** Whether {@code key} begins with {@code prefix}. */
    public static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static void write(ByteArrayOutputStream out, PgType type, Object value) {
        switch (type) {
            case BOOL -> out.write((Boolean) value ? 1 : 0);
            case INT2, INT4, INT8, OID -> writeOrderedLong(out, ((Number) value).longValue());
            case FLOAT4, FLOAT8 -> writeOrderedDouble(out, ((Number) value).doubleValue());
            case NUMERIC -> writeUtf16(out, canonical((BigDecimal) value));
            case TEXT, VARCHAR, NAME, CHAR -> writeUtf16(out, (String) value);
            // bpchar ignores trailing blanks when comparing
            case BPCHAR -> writeUtf16(out, ((String) value).stripTrailing());
            case BYTEA -> writeEscaped(out, (byte[]) value);
            case DATE -> writeOrderedLong(out, ((LocalDate) value).toEpochDay());
            case TIMESTAMP -> writeInstant(out, ((LocalDateTime) value).toInstant(ZoneOffset.UTC));
            case TIMESTAMPTZ -> writeInstant(out, ((OffsetDateTime) value).toInstant());
            default -> throw new QuiverException(SqlState.FEATURE_NOT_SUPPORTED,
                    "B-tree indexes on type " + type.typname() + " are not supported");
        }
    }

    private static String canonical(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toString();
    }

    private static void writeInstant(ByteArrayOutputStream out, Instant instant) {
        writeOrderedLong(out, instant.getEpochSecond());
        writeOrderedLong(out, instant.getNano());
    }

    private static void writeOrderedDouble(ByteArrayOutputStream out, double value) {
        double canonical = value == 0d ? 0d : value;
        long bits = Double.doubleToLongBits(canonical);
        // Negative numbers compare in reverse bit order; flipping all their bits (and only the sign bit of
        // positive ones) makes the unsigned byte order the numeric order, NaN above +Infinity.
        writeLong(out, bits < 0 ? ~bits : bits ^ Long.MIN_VALUE);
    }

    private static void writeOrderedLong(ByteArrayOutputStream out, long value) {
        writeLong(out, value ^ Long.MIN_VALUE);
    }

    private static void writeLong(ByteArrayOutputStream out, long value) {
        byte[] bytes = new byte[Long.BYTES];
        writeLong(bytes, 0, value);
        out.writeBytes(bytes);
    }

    private static void writeLong(byte[] target, int offset, long value) {
        for (int i = 0; i < Long.BYTES; i++) {
            target[offset + i] = (byte) (value >>> (56 - 8 * i));
        }
    }

    /**
     * Each UTF-16 code unit as two bytes, then two zero bytes: PostgreSQL text holds no NUL, so the terminator
     * sorts below every character and a string sorts before its extensions.
     */
    private static void writeUtf16(ByteArrayOutputStream out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.write(c >>> 8);
            out.write(c & 0xFF);
        }
        out.write(0);
        out.write(0);
    }

    /** Bytes with 0x00 escaped as 0x00 0xFF, then 0x00 0x00: prefix-free and in unsigned byte order. */
    private static void writeEscaped(ByteArrayOutputStream out, byte[] value) {
        for (byte b : value) {
            out.write(b);
            if (b == 0) {
                out.write(0xFF);
            }
        }
        out.write(0);
        out.write(0);
    }

}
