package io.quiver.index;

import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.graph.similarity.DefaultSearchScoreProvider;
import io.github.jbellis.jvector.graph.similarity.ScoreFunction;
import io.github.jbellis.jvector.graph.similarity.SearchScoreProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.quiver.common.vector.Distances;

/**
 * jvector's scoring, read straight from the {@link VectorColumn} with Quiver's SIMD kernels: the graph
 * keeps no second copy of the vectors, and every {@link DistanceKind} works, L1 included (jvector itself
 * offers only Euclidean, dot product and cosine).
 */
final class ColumnScoreProvider implements BuildScoreProvider {
    private final VectorColumn column;
    private final DistanceKind kind;
    private final GraphNodes nodes;
    private volatile float maxSquaredNorm;

    ColumnScoreProvider(VectorColumn column, DistanceKind kind, GraphNodes nodes) {
        this.column = column;
        this.kind = kind;
        this.nodes = nodes;
    }

    @Override
    public boolean isExact() {
        return true;
    }

    /**
     * The mean of the indexed vectors; jvector enters the graph at the node nearest to it. Sparse vectors have
     * no mean of their own form: the first node stands in.
     */
    @Override
    public VectorFloat<?> approximateCentroid() {
        if (column.isVariableWidth()) {
            for (int node = 0; node < nodes.count(); node++) {
                if (nodes.slot(node) != GraphNodes.NO_SLOT) {
                    return vts.createFloatVector(column.get(nodes.slot(node)));
                }
            }
            return vts.createFloatVector(new float[] {0});
        }
        int dims = column.dimensions();
        float[] sum = new float[dims];
        int count = 0;
        for (int node = 0; node < nodes.count(); node++) {
            int slot = nodes.slot(node);
            if (slot == GraphNodes.NO_SLOT) {
                continue;
            }
            count++;
            float[] data = column.data(slot);
            int offset = column.offset(slot);
            for (int i = 0; i < dims; i++) {
                sum[i] += data[offset + i];
            }
        }
        for (int i = 0; i < dims; i++) {
            sum[i] /= Math.max(1, count);
        }
        return vts.createFloatVector(sum);
    }

    @Override
    public SearchScoreProvider searchProviderFor(VectorFloat<?> vector) {
        float[] query = new float[vector.length()];
        for (int i = 0; i < query.length; i++) {
            query[i] = vector.get(i);
        }
        return providerFor(query, 0);
    }

    /**
     * Between two nodes of a (dense) inner-product index, the graph is built in the geometry of the MIPS-to-L2
     * reduction (Bachrach et al. 2014): each vector x gains a coordinate sqrt(M² - |x|²), M the largest
     * norm, so that the L2-nearest node of a query (which gains 0) is its largest inner product. Built with
     * raw inner products instead, HNSW's neighbour pruning (which assumes a metric) costs ~15% recall@10 on
     * unnormalised data; queries still rank by the raw inner product, which orders nodes the same way.
     */
    @Override
    public SearchScoreProvider searchProviderFor(int node) {
        int slot = nodes.slot(node);
        float[] data = column.data(slot);
        int offset = column.offset(slot);
        if (kind != DistanceKind.INNER_PRODUCT || column.isVariableWidth()) {
            return providerFor(data, offset);
        }
        int dims = column.dimensions();
        float[] terms = new float[3];
        ScoreFunction.ExactScoreFunction scores = other -> {
            int otherSlot = nodes.slot(other);
            Distances.cosineTerms(data, offset, column.data(otherSlot), column.offset(otherSlot), dims, terms);
            float maxSquared = maxSquaredNorm;
            float extra = (float) (Math.sqrt(Math.max(0f, maxSquared - terms[1]))
                    - Math.sqrt(Math.max(0f, maxSquared - terms[2])));
            return DistanceKind.L2.similarity(terms[1] + terms[2] - 2 * terms[0] + extra * extra);
        };
        return new DefaultSearchScoreProvider(scores);
    }

    /** Grows M of the inner-product reduction to cover a vector about to be added. */
    void include(int slot) {
        if (kind == DistanceKind.INNER_PRODUCT && !column.isVariableWidth()) {
            float[] data = column.data(slot);
            int offset = column.offset(slot);
            float squared = Distances.dot(data, offset, data, offset, column.dimensions());
            synchronized (this) {
                maxSquaredNorm = Math.max(maxSquaredNorm, squared);
            }
        }
    }

    @Override
    public SearchScoreProvider diversityProviderFor(int node) {
        return searchProviderFor(node);
    }

    /** Scores of every node against the vector at {@code offset} of {@code data}. */
    SearchScoreProvider providerFor(float[] data, int offset) {
        int dims = column.dimensions();
        ScoreFunction.ExactScoreFunction scores = node -> {
            int slot = nodes.slot(node);
            return kind.similarity(kind.key(data, offset, column.data(slot), column.offset(slot), dims));
        };
        return new DefaultSearchScoreProvider(scores);
    }
}
