package io.quiver.index;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.type.PgType;
import io.quiver.common.vector.SparseVector;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * pgvector's index options and settings, checked as PostgreSQL checks them: the WITH (...) options of
 * CREATE INDEX with reloptions' messages, and SET hnsw.ef_search / ivfflat.probes with GUC messages, all
 * SQLSTATE 22023. pgvector 0.8.6 gives no NOTICE for any m in range (checked against the reference
 * server); its only build NOTICE is IVFFlat's "created with little data" (see {@link IvfFlatIndex}).
 */
public final class IndexOptions {
    public static final int HNSW_DEFAULT_M = 16;
    public static final int HNSW_MIN_M = 2;
    public static final int HNSW_MAX_M = 100;
    public static final int HNSW_DEFAULT_EF_CONSTRUCTION = 64;
    public static final int HNSW_MIN_EF_CONSTRUCTION = 4;
    public static final int HNSW_MAX_EF_CONSTRUCTION = 1000;
    public static final int HNSW_MIN_EF_SEARCH = 1;
    public static final int HNSW_MAX_EF_SEARCH = 1000;
    public static final int HNSW_MAX_DIMENSIONS = 2000;
    public static final int IVFFLAT_DEFAULT_LISTS = 100;
    public static final int IVFFLAT_MIN_LISTS = 1;
    public static final int IVFFLAT_MAX_LISTS = 32768;
    public static final int IVFFLAT_MAX_DIMENSIONS = 2000;
    /** halfvec's limit for both methods (a page holds twice as many halves): the widest any type allows. */
    public static final int HALFVEC_MAX_DIMENSIONS = 4000;
    /** pgvector's limit on bit(n) columns for both access methods. */
    public static final int BIT_MAX_DIMENSIONS = 64000;
    /** pgvector's limit on the non-zero elements of a sparsevec in an hnsw index. */
    public static final int HNSW_SPARSEVEC_MAX_NON_ZEROS = 1000;

    public static final int PQ_MIN_SUBSPACES = 1;
    public static final int PQ_MAX_SUBSPACES = 2000;
    public static final int MIN_RERANK = 1;
    public static final int MAX_RERANK = 1000;
    /** The quantization option's values, as the DETAIL of its error lists them. */
    public static final List<String> QUANTIZATIONS = List.of("none", "sq8", "pq", "bq");

    /** CREATE INDEX ... USING hnsw WITH (m, ef_construction, quantization options). */
    public record Hnsw(int m, int efConstruction, Quantization quantization) {
        public Hnsw(int m, int efConstruction) {
            this(m, efConstruction, Quantization.NONE);
        }

        public static Hnsw defaults() {
            return new Hnsw(HNSW_DEFAULT_M, HNSW_DEFAULT_EF_CONSTRUCTION);
        }
    }

    /** CREATE INDEX ... USING ivfflat WITH (lists, quantization options). */
    public record IvfFlat(int lists, Quantization quantization) {
        public IvfFlat(int lists) {
            this(lists, Quantization.NONE);
        }

        public static IvfFlat defaults() {
            return new IvfFlat(IVFFLAT_DEFAULT_LISTS);
        }
    }

    /**
     * WITH (quantization = 'none' | 'sq8' | 'pq' | 'bq', pq_subspaces = n, rerank = f): how the index
     * compresses its vectors, and how many candidates ({@code k x rerank}, at least ef_search) it re-ranks
     * with the column's full-precision vectors. {@code pqSubspaces} 0 means the default, dimensions / 4.
     */
    public record Quantization(String method, int pqSubspaces, int rerank) {
        public static final Quantization NONE = new Quantization("none", 0, 1);

        public boolean quantized() {
            return !method.equals("none");
        }

        /** The product quantizer's subspaces for a column of {@code dimensions}. */
        public int subspaces(int dimensions) {
            return pqSubspaces > 0 ? pqSubspaces : Math.max(1, dimensions / 4);
        }

        /** How the index says it in EXPLAIN: {@code pq(32) rerank=4}. */
        public String describe(int dimensions) {
            String name = method.equals("pq") ? "pq(" + subspaces(dimensions) + ")" : method;
            return quantized() ? name + " rerank=" + rerank : name;
        }

        /** Candidates re-ranked for {@code limit} rows (0: unknown) at {@code efSearch}. */
        public int candidates(int limit, int efSearch) {
            return Math.max(efSearch, (int) Math.min(Integer.MAX_VALUE / 2, (long) Math.max(limit, 1) * rerank));
        }
    }

    /**
     * The re-rank factor each quantization defaults to, measured on the 100k x 128-d benchmark at ef_search 40
     * (README, Benchmarks): sq8 ranks as float32 does (0.960); pq(32) needs 80 candidates for 0.97 (0.911 with
     * 40); bq's bits rank coarsely, and 200 candidates are a compromise between recall and re-ranking cost.
     */
    static int defaultRerank(String method) {
        return switch (method) {
            case "sq8" -> 1;
            case "pq" -> 8;
            case "bq" -> 20;
            default -> 1;
        };
    }

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private IndexOptions() {
    }

    /** The HNSW options of a WITH clause; keys as the parser gives them (unquoted names folded to lower case). */
    public static Hnsw hnsw(Map<String, String> with) {
        int m = HNSW_DEFAULT_M;
        int efConstruction = HNSW_DEFAULT_EF_CONSTRUCTION;
        for (Map.Entry<String, String> option : with.entrySet()) {
            switch (option.getKey()) {
                case "m" -> m = reloption("m", option.getValue(), HNSW_MIN_M, HNSW_MAX_M);
                case "ef_construction" -> efConstruction = reloption("ef_construction", option.getValue(),
                        HNSW_MIN_EF_CONSTRUCTION, HNSW_MAX_EF_CONSTRUCTION);
                default -> checkQuantizationOption(option.getKey());
            }
        }
        Quantization quantization = quantization(with);
        if (efConstruction < 2 * m) {
            throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE,
                    "ef_construction must be greater than or equal to 2 * m");
        }
        return new Hnsw(m, efConstruction, quantization);
    }

    public static IvfFlat ivfflat(Map<String, String> with) {
        int lists = IVFFLAT_DEFAULT_LISTS;
        for (Map.Entry<String, String> option : with.entrySet()) {
            if (option.getKey().equals("lists")) {
                lists = reloption("lists", option.getValue(), IVFFLAT_MIN_LISTS, IVFFLAT_MAX_LISTS);
            } else {
                checkQuantizationOption(option.getKey());
            }
        }
        return new IvfFlat(lists, quantization(with));
    }

    /** A valid value of the quantization options, for RESET to check the name against; null if not one. */
    public static String quantizationDefault(String option) {
        return switch (option) {
            case "quantization" -> "none";
            case "pq_subspaces", "rerank" -> "1";
            default -> null;
        };
    }

    private static void checkQuantizationOption(String name) {
        if (quantizationDefault(name) == null) {
            throw unrecognized(name);
        }
    }

    /**
     * The quantization options of a WITH clause, as reloptions check an enum option; pq_subspaces only with
     * 'pq' (it means nothing to the others).
     */
    public static Quantization quantization(Map<String, String> with) {
        String text = with.getOrDefault("quantization", "none");
        String method = text.toLowerCase(Locale.ROOT);
        if (!QUANTIZATIONS.contains(method)) {
            throw QuiverException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid value for enum option \"%s\": %s",
                    "quantization", text).withDetail("Valid values are \"none\", \"sq8\", \"pq\", and \"bq\".");
        }
        int subspaces = 0;
        if (with.containsKey("pq_subspaces")) {
            subspaces = reloption("pq_subspaces", with.get("pq_subspaces"), PQ_MIN_SUBSPACES, PQ_MAX_SUBSPACES);
            if (!method.equals("pq")) {
                throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE,
                        "pq_subspaces requires quantization = 'pq'");
            }
        }
        int rerank = defaultRerank(method);
        if (with.containsKey("rerank")) {
            rerank = reloption("rerank", with.get("rerank"), MIN_RERANK, MAX_RERANK);
        }
        return new Quantization(method, subspaces, rerank);
    }

    /** {@code SET hnsw.ef_search = value}. */
    public static int efSearch(String value) {
        return setting("hnsw.ef_search", value, HNSW_MIN_EF_SEARCH, HNSW_MAX_EF_SEARCH);
    }

    /**
     * {@code SET ivfflat.probes = value}. pgvector accepts up to 32768 whatever the index's lists, and a
     * scan probes min(probes, lists); {@link IvfFlatIndex} clamps the same way.
     */
    public static int probes(String value) {
        return setting("ivfflat.probes", value, IVFFLAT_MIN_LISTS, IVFFLAT_MAX_LISTS);
    }

    /** Rejects a product quantizer with more subspaces than the column has dimensions, when building. */
    public static void checkQuantization(Quantization quantization, int dimensions) {
        if (quantization.method().equals("pq") && quantization.subspaces(dimensions) > dimensions) {
            throw QuiverException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "pq_subspaces must be less than or equal to the number of dimensions (%d)", dimensions);
        }
    }

    /** Rejects columns of {@code type} (vector, halfvec, bit or sparsevec) too wide for an access method, as pgvector does. */
    public static void checkDimensions(String accessMethod, PgType type, int dimensions) {
        int max = type == PgType.HALFVEC ? HALFVEC_MAX_DIMENSIONS
                : type == PgType.BIT ? BIT_MAX_DIMENSIONS
                : type == PgType.SPARSEVEC ? SparseVector.MAX_DIMENSIONS
                : accessMethod.equals("hnsw") ? HNSW_MAX_DIMENSIONS : IVFFLAT_MAX_DIMENSIONS;
        if (dimensions > max) {
            throw QuiverException.of(SqlState.PROGRAM_LIMIT_EXCEEDED,
                    "column cannot have more than %d dimensions for %s index", max, accessMethod);
        }
    }

    /** pgvector's check of each sparsevec an hnsw index takes in. */
    public static void checkHnswNonZeros(int nonZeros) {
        if (nonZeros > HNSW_SPARSEVEC_MAX_NON_ZEROS) {
            throw QuiverException.of(SqlState.PROGRAM_LIMIT_EXCEEDED,
                    "sparsevec cannot have more than %d non-zero elements for hnsw index", HNSW_SPARSEVEC_MAX_NON_ZEROS);
        }
    }

    private static int reloption(String name, String text, int min, int max) {
        Long value = parseInt(text);
        if (value == null || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw QuiverException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "invalid value for integer option \"%s\": %s", name, text);
        }
        if (value < min || value > max) {
            throw QuiverException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "value %s out of bounds for option \"%s\"", text, name)
                    .withDetail(String.format("Valid values are between \"%d\" and \"%d\".", min, max));
        }
        return value.intValue();
    }

    private static int setting(String name, String text, int min, int max) {
        Long value = parseInt(text);
        if (value == null || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw QuiverException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "invalid value for parameter \"%s\": \"%s\"", name, text);
        }
        if (value < min || value > max) {
            throw QuiverException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "%d is outside the valid range for parameter \"%s\" (%d .. %d)", value, name, min, max);
        }
        return value.intValue();
    }

    private static QuiverException unrecognized(String name) {
        return QuiverException.of(SqlState.INVALID_PARAMETER_VALUE, "unrecognized parameter \"%s\"", name);
    }

    /**
     * PostgreSQL's parse_int: surrounding spaces, C integer syntax (0x hex, leading-0 octal), or a decimal
     * fraction rounded half to even; null when the text is none of these.
     */
    static Long parseInt(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        try {
            return Long.decode(trimmed);
        } catch (NumberFormatException notInteger) {
            if (!DECIMAL.matcher(trimmed).matches()) {
                return null;
            }
            try {
                double value = Double.parseDouble(trimmed);
                return Double.isFinite(value) && Math.abs(value) < 0x1p62 ? (long) Math.rint(value) : null;
            } catch (NumberFormatException notNumber) {
                return null;
            }
        }
    }
}
