package io.quiver.index;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgType;
import io.quiver.common.vector.Distances;

/**
 * The four pgvector distances an index can order by. Each ranks with a cheap {@code key} (smaller is
 * nearer, NaN sorts last as PostgreSQL sorts NaN) and converts the key to the operator's value only for
 * the rows it returns, so a scan never pays for a square root per row.
 */
public enum DistanceKind {
    /** {@code <->}; the key is the squared distance. */
    L2("vector_l2_ops", "<->", true) {
        @Override
        public float key(float[] a, int aOffset, float[] b, int bOffset, int dims) {
            return Distances.squaredL2(a, aOffset, b, bOffset, dims);
        }

        @Override
        public float distance(float key) {
            return (float) Math.sqrt(key);
        }

        @Override
        float similarity(float key) {
            return 1f / (1f + key);
        }
    },
    /** {@code <#>}: pgvector's negative inner product, so that ascending order is nearest first. */
    INNER_PRODUCT("vector_ip_ops", "<#>", true) {
        @Override
        public float key(float[] a, int aOffset, float[] b, int bOffset, int dims) {
            return -Distances.dot(a, aOffset, b, bOffset, dims);
        }

        @Override
        public float distance(float key) {
            return key;
        }

        @Override
        float similarity(float key) {
            return (1f - key) / 2f;
        }
    },
    /** {@code <=>}: 1 - cosine similarity; NaN for a zero vector, which pgvector never indexes. */
    COSINE("vector_cosine_ops", "<=>", true) {
        @Override
        public float key(float[] a, int aOffset, float[] b, int bOffset, int dims) {
            return (float) Distances.cosineDistance(a, aOffset, b, bOffset, dims);
        }

        @Override
        public float distance(float key) {
            return key;
        }

        /**
         * The L2 similarity of the normalised vectors (whose squared distance is twice the cosine distance):
         * the graph is built in a metric space, which HNSW's neighbour pruning assumes; ranking is unchanged.
         */
        @Override
        float similarity(float key) {
            return 1f / (1f + 2f * key);
        }

        @Override
        public boolean indexable(float[] data, int offset, int dims) {
            return Distances.dot(data, offset, data, offset, dims) > 0f;
        }
    },
    /** {@code <+>}; pgvector offers it for HNSW only. */
    L1("vector_l1_ops", "<+>", false) {
        @Override
        public float key(float[] a, int aOffset, float[] b, int bOffset, int dims) {
            return Distances.l1(a, aOffset, b, bOffset, dims);
        }

        @Override
        public float distance(float key) {
            return key;
        }

        @Override
        float similarity(float key) {
            return 1f / (1f + key);
        }
    };

    /** The types with an operator class per distance, named {@code <type>_<distance>_ops} as in pgvector. */
    private static final PgType[] OPCLASS_TYPES = {PgType.VECTOR, PgType.HALFVEC};

    private final String opclass;
    private final String operator;
    private final boolean ivfflatSupported;

    DistanceKind(String opclass, String operator, boolean ivfflatSupported) {
        this.opclass = opclass;
        this.operator = operator;
        this.ivfflatSupported = ivfflatSupported;
    }

    /** The ranking key of {@code a} against {@code b}: monotone in the operator's value, smaller is nearer. */
    public abstract float key(float[] a, int aOffset, float[] b, int bOffset, int dims);

    /** The value pgvector's operator would give for a row ranked with {@code key}. */
    public abstract float distance(float key);

    /** jvector's convention: larger is more similar, finite for every indexable vector. */
    abstract float similarity(float key);

    /** Whether a vector belongs in an index: pgvector leaves zero vectors out of cosine indexes. */
    public boolean indexable(float[] data, int offset, int dims) {
        return true;
    }

    public String opclass() {
        return opclass;
    }

    /** The operator class of this distance for {@code type} (vector or halfvec): halfvec_l2_ops for L2. */
    public String opclass(PgType type) {
        return type.typname() + opclass.substring(PgType.VECTOR.typname().length());
    }

    public String operator() {
        return operator;
    }

    /**
     * The distance of an operator class named in CREATE INDEX; {@code accessMethod} is "hnsw" or "ivfflat".
     * Errors as PostgreSQL's ResolveOpClass does when the pair does not exist.
     */
    public static DistanceKind forOpclass(String opclass, String accessMethod) {
        for (DistanceKind kind : values()) {
            for (PgType type : OPCLASS_TYPES) {
                if (kind.opclass(type).equals(opclass)
                        && (kind.ivfflatSupported || !"ivfflat".equals(accessMethod))) {
                    return kind;
                }
            }
        }
        throw QuiverException.of(SqlState.UNDEFINED_OBJECT,
                "operator class \"%s\" does not exist for access method \"%s\"", opclass, accessMethod);
    }

    /** The distance an ORDER BY operator ranks by, or null when the operator is not a distance. */
    public static DistanceKind forOperator(String operator) {
        for (DistanceKind kind : values()) {
            if (kind.operator.equals(operator)) {
                return kind;
            }
        }
        return null;
    }
}
