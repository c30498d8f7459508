package io.quiver.storage.codec;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgBitString;
import io.quiver.common.type.PgType;
import io.quiver.common.vector.SparseVector;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Binary encoding of one non-null value of a {@link PgType}, carried as its canonical Java class. */
final class ValueCodec {
    private static final int ARRAY_NULL = 0;
    private static final int ARRAY_VALUE = 1;
    private static final int ARRAY_NESTED = 2;

    private ValueCodec() {
    }

    static void write(ByteWriter out, PgType type, Object value) {
        switch (type) {
            case BOOL -> out.writeByte(as(Boolean.class, type, value) ? 1 : 0);
            case INT2 -> out.writeShort(as(Short.class, type, value));
            case INT4 -> out.writeSignedVarLong(as(Integer.class, type, value));
            case INT8, OID, REGPROC, REGCLASS -> out.writeSignedVarLong(as(Long.class, type, value));
            case FLOAT4 -> out.writeInt(Float.floatToRawIntBits(as(Float.class, type, value)));
            case FLOAT8 -> out.writeLong(Double.doubleToRawLongBits(as(Double.class, type, value)));
            case NUMERIC -> writeNumeric(out, as(BigDecimal.class, type, value));
            case TEXT, VARCHAR, BPCHAR, NAME, CHAR, UNKNOWN -> out.writeString(as(String.class, type, value));
            case BYTEA -> out.writeLengthPrefixed(as(byte[].class, type, value));
            case DATE -> out.writeSignedVarLong(as(LocalDate.class, type, value).toEpochDay());
            case TIMESTAMP -> writeInstant(out, as(LocalDateTime.class, type, value).toInstant(ZoneOffset.UTC));
            case TIMESTAMPTZ -> {
                OffsetDateTime t = as(OffsetDateTime.class, type, value);
                writeInstant(out, t.toInstant());
                out.writeSignedVarLong(t.getOffset().getTotalSeconds());
            }
            case VECTOR -> out.writeFloats(as(float[].class, type, value));
            case HALFVEC -> writeHalves(out, as(float[].class, type, value));
            case SPARSEVEC -> writeSparse(out, as(SparseVector.class, type, value));
            case BIT, VARBIT -> {
                PgBitString bits = as(PgBitString.class, type, value);
                out.writeVarLong(bits.length());
                out.writeBytes(bits.bytes());
            }
            case VOID -> throw new QuiverException(SqlState.DATATYPE_MISMATCH, "cannot store a value of type void");
            default -> writeArray(out, arrayElementType(type), as(Object[].class, type, value));
        }
    }

    static Object read(ByteReader in, PgType type) {
        return switch (type) {
            case BOOL -> in.readByte() != 0;
            case INT2 -> in.readShort();
            case INT4 -> Math.toIntExact(in.readSignedVarLong());
            case INT8, OID, REGPROC, REGCLASS -> in.readSignedVarLong();
            case FLOAT4 -> Float.intBitsToFloat(in.readInt());
            case FLOAT8 -> Double.longBitsToDouble(in.readLong());
            case NUMERIC -> readNumeric(in);
            case TEXT, VARCHAR, BPCHAR, NAME, CHAR, UNKNOWN -> in.readString();
            case BYTEA -> in.readLengthPrefixed();
            case DATE -> LocalDate.ofEpochDay(in.readSignedVarLong());
            case TIMESTAMP -> LocalDateTime.ofInstant(readInstant(in), ZoneOffset.UTC);
            case TIMESTAMPTZ -> {
                Instant instant = readInstant(in);
                yield instant.atOffset(ZoneOffset.ofTotalSeconds(Math.toIntExact(in.readSignedVarLong())));
            }
            case VECTOR -> in.readFloats();
            case HALFVEC -> readHalves(in);
            case SPARSEVEC -> readSparse(in);
            case BIT, VARBIT -> {
                int length = Math.toIntExact(in.readVarLong());
                yield new PgBitString(length, in.readBytes((length + 7) / 8));
            }
            case VOID -> throw ByteReader.corrupted("a stored value of type void");
            default -> readArray(in, arrayElementType(type));
        };
    }

    /** The element type of an array-like type; int2vector and oidvector are stored as plain arrays. */
    private static PgType arrayElementType(PgType type) {
        return switch (type) {
            case INT2VECTOR -> PgType.INT2;
            case OIDVECTOR -> PgType.OID;
            default -> type.elementType();
        };
    }

    /** A halfvec takes two bytes per element, as pgvector stores it. */
    private static void writeHalves(ByteWriter out, float[] halves) {
        out.writeVarLong(halves.length);
        for (float x : halves) {
            out.writeShort(Float.floatToFloat16(x));
        }
    }

    private static float[] readHalves(ByteReader in) {
        float[] halves = new float[in.readLength()];
        for (int i = 0; i < halves.length; i++) {
            halves[i] = Float.float16ToFloat(in.readShort());
        }
        return halves;
    }

    private static void writeSparse(ByteWriter out, SparseVector v) {
        out.writeVarLong(v.dimensions());
        out.writeVarLong(v.nonZeros());
        for (int index : v.indices()) {
            out.writeVarLong(index);
        }
        for (float value : v.values()) {
            out.writeInt(Float.floatToRawIntBits(value));
        }
    }

    private static SparseVector readSparse(ByteReader in) {
        int dimensions = Math.toIntExact(in.readVarLong());
        int[] indices = new int[in.readLength()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = Math.toIntExact(in.readVarLong());
        }
        float[] values = new float[indices.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = Float.intBitsToFloat(in.readInt());
        }
        return new SparseVector(dimensions, indices, values);
    }

    private static void writeNumeric(ByteWriter out, BigDecimal value) {
        out.writeSignedVarLong(value.scale());
        out.writeLengthPrefixed(value.unscaledValue().toByteArray());
    }

    private static BigDecimal readNumeric(ByteReader in) {
        int scale = Math.toIntExact(in.readSignedVarLong());
        return new BigDecimal(new BigInteger(in.readLengthPrefixed()), scale);
    }

    private static void writeInstant(ByteWriter out, Instant instant) {
        out.writeSignedVarLong(instant.getEpochSecond());
        out.writeVarLong(instant.getNano());
    }

    private static Instant readInstant(ByteReader in) {
        long seconds = in.readSignedVarLong();
        return Instant.ofEpochSecond(seconds, in.readVarLong());
    }

    /** Multi-dimensional arrays arrive as nested {@code Object[]}, so each element says which it is. */
    private static void writeArray(ByteWriter out, PgType elementType, Object[] elements) {
        out.writeVarLong(elements.length);
        for (Object element : elements) {
            if (element == null) {
                out.writeByte(ARRAY_NULL);
            } else if (element instanceof Object[] nested) {
                out.writeByte(ARRAY_NESTED);
                writeArray(out, elementType, nested);
            } else {
                out.writeByte(ARRAY_VALUE);
                write(out, elementType, element);
            }
        }
    }

    private static Object[] readArray(ByteReader in, PgType elementType) {
        Object[] elements = new Object[in.readLength()];
        for (int i = 0; i < elements.length; i++) {
            elements[i] = switch (in.readByte()) {
                case ARRAY_NULL -> null;
                case ARRAY_VALUE -> read(in, elementType);
                case ARRAY_NESTED -> readArray(in, elementType);
                default -> throw ByteReader.corrupted("unknown array element marker");
            };
        }
        return elements;
    }

    private static <T> T as(Class<T> expected, PgType type, Object value) {
        if (!expected.isInstance(value)) {
            throw new QuiverException(SqlState.DATATYPE_MISMATCH, String.format(
                    "a value of type %s cannot be stored as %s", value.getClass().getSimpleName(), type.typname()));
        }
        return expected.cast(value);
    }
}
