package io.github.jbellis.jvector.graph;

/**
 * The one graph edit jvector 4.0.2 keeps package-private: adding an edge without its diversity pruning
 * (replacing the farthest neighbour of a full list). Quiver's reachability repair needs it, since the pruning
 * is exactly what refuses the edges into an isolated part of the graph.
 */
public final class GraphEdges {
    private GraphEdges() {
    }

    /** Adds the edge {@code from -> to} on {@code level}; {@code similarity} is jvector's score of the pair. */
    public static void insertUnpruned(OnHeapGraphIndex graph, int level, int from, int to, float similarity) {
        graph.layers.get(level).insertEdgeNotDiverse(from, to, similarity);
    }
}
