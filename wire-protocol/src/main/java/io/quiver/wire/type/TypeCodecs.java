package io.quiver.wire.type;

import io.quiver.common.type.PgType;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/** The codec of every {@link PgType} for one connection (timestamptz text depends on its TimeZone). */
public final class TypeCodecs {
    private final Map<PgType, TypeCodec> codecs = new EnumMap<>(PgType.class);

    public TypeCodecs(Supplier<ZoneId> sessionTimeZone) {
        TypeCodec text = new TextCodec();
        for (PgType type : PgType.values()) {
            if (!type.isArray()) {
                codecs.put(type, scalarCodec(type, text, sessionTimeZone));
            }
        }
        for (PgType type : PgType.values()) {
            if (type.isArray()) {
                codecs.put(type, new ArrayCodec(type.elementType(), codecs.get(type.elementType())));
            }
        }
    }

    private static TypeCodec scalarCodec(PgType type, TypeCodec text, Supplier<ZoneId> sessionTimeZone) {
        return switch (type) {
            case BOOL -> new BoolCodec();
            case INT2 -> IntegerCodec.INT2;
            case INT4 -> IntegerCodec.INT4;
            case INT8 -> IntegerCodec.INT8;
            case OID -> new OidCodec();
            case FLOAT4 -> FloatCodec.FLOAT4;
            case FLOAT8 -> FloatCodec.FLOAT8;
            case NUMERIC -> new NumericCodec();
            case BYTEA -> new ByteaCodec();
            case DATE -> new DateCodec();
            case TIMESTAMP -> new TimestampCodec();
            case TIMESTAMPTZ -> new TimestamptzCodec(sessionTimeZone);
            case INTERVAL -> new IntervalCodec();
            case VECTOR -> new VectorCodec();
            case HALFVEC -> new HalfvecCodec();
            case SPARSEVEC -> new SparsevecCodec();
            case BIT, VARBIT -> new BitStringCodec();
            default -> text;
        };
    }

    public TypeCodec forType(PgType type) {
        return codecs.get(type);
    }
}
