package io.quiver.index;

import java.util.Arrays;

/**
 * Graph node ids to column slots and back. Nodes are numbered densely in insertion order, apart from
 * slots: a cosine index skips zero vectors, and a loaded graph keeps its numbering while the column it is
 * loaded beside may have given the same rows other slots.
 */
final class GraphNodes {
    /** The slot of a node whose row left the graph before it was saved. */
    static final int NO_SLOT = -1;

    private int[] slotByNode = new int[16];
    private int[] nodeBySlot = filled(16);
    private int count;

    int add(int slot) {
        int node = count;
        set(node, slot);
        return node;
    }

    void set(int node, int slot) {
        if (node >= slotByNode.length) {
            slotByNode = Arrays.copyOf(slotByNode, Math.max(node + 1, slotByNode.length * 2));
        }
        if (slot >= nodeBySlot.length) {
            int oldLength = nodeBySlot.length;
            nodeBySlot = Arrays.copyOf(nodeBySlot, Math.max(slot + 1, oldLength * 2));
            Arrays.fill(nodeBySlot, oldLength, nodeBySlot.length, -1);
        }
        slotByNode[node] = slot;
        if (slot != NO_SLOT) {
            nodeBySlot[slot] = node;
        }
        count = Math.max(count, node + 1);
    }

    int slot(int node) {
        return slotByNode[node];
    }

    /** The node of a slot, or -1 when the slot is not in the graph. */
    int node(int slot) {
        return slot < nodeBySlot.length ? nodeBySlot[slot] : -1;
    }

    int count() {
        return count;
    }

    long memoryBytes() {
        return (slotByNode.length + (long) nodeBySlot.length) * Integer.BYTES;
    }

    private static int[] filled(int length) {
        int[] array = new int[length];
        Arrays.fill(array, -1);
        return array;
    }
}
