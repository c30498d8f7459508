package io.quiver.index;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgType;
import io.quiver.common.vector.Distances;
import java.util.List;

/**
 * The pgvector distances an index can order by: four over the vector types, two over bit strings. Each
 * ranks with a cheap {@code key} (smaller is nearer, NaN sorts last as PostgreSQL sorts NaN) and converts the
 * key to the operator's value only for the rows it returns, so a scan never pays for a square root per row.
 * Bit strings are held as {@link BitWords}, 16 bits per float; sparse vectors as {@link SparseRows} in a
 * variable-width column, whose kernels the {@link VectorColumn#VARIABLE} width selects.
 */
public enum DistanceKind {
    /** {@code <->}; the key is the squared distance. */
    L2("_l2_ops", "<->", false, true) {
        @Override
        public float key(float[] a, int aOffset, float[] b, int bOffset, int dims) {
            return dims == VectorColumn.VARIABLE ? SparseRows.squaredL2(a, aOffset, b, bOffset)
                    : Distances.squaredL2(a, aOffset, b, bOffset, dims);
        }

        @Override
        public float distance(float key) {
            return (float) Math.sqrt(key);
        }
    },
    /** {@code <#>}: pgvector's negative inner product, so that ascending order is nearest first. */
    INNER_PRODUCT("_ip_ops", "<#>", false, true) {
        @Override
        public float key(float[] a, int aOffset, float[] b, int bOffset, int dims) {
            return -(dims == VectorColumn.VARIABLE ? SparseRows.dot(a, aOffset, b, bOffset)
                    : Distances.dot(a, aOffset, b, bOffset, dims));
        }

        @Override
        float similarity(float key) {
            return (1f - key) / 2f;
        }
    },
    /** {@code <=>}: 1 - cosine similarity; NaN for a zero vector, which pgvector never indexes. */
    COSINE("_cosine_ops", "<=>", false, true) {
        @Override
        public float key(float[] a, int aOffset, float[] b, int bOffset, int dims) {
            return dims == VectorColumn.VARIABLE ? SparseRows.cosineDistance(a, aOffset, b, bOffset)
                    : (float) Distances.cosineDistance(a, aOffset, b, bOffset, dims);
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
            return (dims == VectorColumn.VARIABLE ? SparseRows.dot(data, offset, data, offset)
                    : Distances.dot(data, offset, data, offset, dims)) > 0f;
        }

        @Override
        float[] trainCentres(float[] points, int n, int dims, int lists, long seed) {
            return KMeans.train(points, n, dims, lists, true, seed);
        }
    },
    /** {@code <+>}; pgvector offers it for HNSW only. */
    L1("_l1_ops", "<+>", false, false) {
        @Override
        public float key(float[] a, int aOffset, float[] b, int bOffset, int dims) {
            return dims == VectorColumn.VARIABLE ? SparseRows.l1(a, aOffset, b, bOffset)
                    : Distances.l1(a, aOffset, b, bOffset, dims);
        }
    },
    /** {@code <~>}: the number of differing bits. */
    HAMMING("_hamming_ops", "<~>", true, true) {
        @Override
        public float key(float[] a, int aOffset, float[] b, int bOffset, int words) {
            return BitWords.hamming(a, aOffset, b, bOffset, words);
        }

        /**
         * k-means over the bits as 0/1 coordinates (where squared L2 is the Hamming distance), each centre then
         * rounded to its majority bits, as pgvector's ivfflat trains bit lists.
         */
        @Override
        float[] trainCentres(float[] points, int n, int words, int lists, long seed) {
            float[] unpacked = BitWords.unpack(points, n * words);
            float[] centres = KMeans.train(unpacked, n, words * BitWords.BITS_PER_WORD, lists, false, seed);
            return BitWords.pack(centres, lists * words);
        }
    },
    /** {@code <%>}: 1 - |a and b| / |a or b|; pgvector offers it for HNSW only. */
    JACCARD("_jaccard_ops", "<%>", true, false) {
        @Override
        public float key(float[] a, int aOffset, float[] b, int bOffset, int words) {
            return BitWords.jaccard(a, aOffset, b, bOffset, words);
        }
    };

    private static final List<PgType> VECTOR_TYPES = List.of(PgType.VECTOR, PgType.HALFVEC, PgType.SPARSEVEC);
    private static final List<PgType> BIT_TYPES = List.of(PgType.BIT);

    private final String opclassSuffix;
    private final String operator;
    private final boolean bits;
    private final boolean ivfflatSupported;

    /**
     * @param opclassSuffix the operator classes' names after the type's: {@code <type>_<distance>_ops}
     * @param bits whether it measures bit strings rather than vector and halfvec
     */
    DistanceKind(String opclassSuffix, String operator, boolean bits, boolean ivfflatSupported) {
        this.opclassSuffix = opclassSuffix;
        this.operator = operator;
        this.bits = bits;
        this.ivfflatSupported = ivfflatSupported;
    }

    /** The ranking key of {@code a} against {@code b}: monotone in the operator's value, smaller is nearer. */
    public abstract float key(float[] a, int aOffset, float[] b, int bOffset, int dims);

    /** The value pgvector's operator would give for a row ranked with {@code key}: the key itself but for L2. */
    public float distance(float key) {
        return key;
    }

    /** jvector's convention: larger is more similar, finite for every indexable vector (key >= 0 but for IP). */
    float similarity(float key) {
        return 1f / (1f + key);
    }

    /** Whether a vector belongs in an index: pgvector leaves zero vectors out of cosine indexes. */
    public boolean indexable(float[] data, int offset, int dims) {
        return true;
    }

    /** IVFFlat's centres: {@code lists} points summing up the {@code n} packed in {@code points}. */
    float[] trainCentres(float[] points, int n, int dims, int lists, long seed) {
        return KMeans.train(points, n, dims, lists, false, seed);
    }

    /** Whether it measures bit strings (held as {@link BitWords}) rather than vector and halfvec. */
    public boolean bits() {
        return bits;
    }

    /** The types it has an operator class for: vector, halfvec and sparsevec, or bit. */
    public List<PgType> types() {
        return bits ? BIT_TYPES : VECTOR_TYPES;
    }

    /** Whether an index of {@code accessMethod} ("hnsw" or "ivfflat") over {@code type} can order by it. */
    public boolean supports(String accessMethod, PgType type) {
        return !"ivfflat".equals(accessMethod) || ivfflatSupported && type != PgType.SPARSEVEC;
    }

    /** The operator class of the first of its {@link #types}: vector_l2_ops for L2. */
    public String opclass() {
        return opclass(types().get(0));
    }

    /** The operator class of this distance for {@code type}: halfvec_l2_ops for L2 over halfvec. */
    public String opclass(PgType type) {
        return type.typname() + opclassSuffix;
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
            for (PgType type : kind.types()) {
                if (kind.opclass(type).equals(opclass) && kind.supports(accessMethod, type)) {
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
