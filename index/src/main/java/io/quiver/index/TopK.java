package io.quiver.index;

import java.util.Arrays;

/**
 * The k smallest keys offered so far, as a binary max-heap over primitive arrays, so the hot loop of a
 * scan allocates nothing. Keys compare as {@link Float#compare} does: NaN after every number.
 */
final class TopK {
    private final float[] keys;
    private final int[] slots;
    private int size;
    /** Candidates offered: the distances a scan computed. */
    private long offered;

    TopK(int k) {
        keys = new float[k];
        slots = new int[k];
    }

    /** The key a candidate must beat to enter once the heap is full. */
    float threshold() {
        return size < keys.length ? Float.NaN : keys[0];
    }

    boolean full() {
        return size == keys.length;
    }

    long offered() {
        return offered;
    }

    void offer(float key, int slot) {
        offered++;
        if (size < keys.length) {
            keys[size] = key;
            slots[size] = slot;
            siftUp(size++);
        } else if (Float.compare(key, keys[0]) < 0) {
            keys[0] = key;
            slots[0] = slot;
            siftDown(0);
        }
    }

    void addAll(TopK other) {
        offered += other.offered - other.size;
        for (int i = 0; i < other.size; i++) {
            offer(other.keys[i], other.slots[i]);
        }
    }

    /** The entries nearest first, as neighbors of {@code column} ranked by {@code kind}. */
    Neighbor[] sorted(VectorColumn column, DistanceKind kind) {
        Integer[] order = new Integer[size];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> {
            int byKey = Float.compare(keys[a], keys[b]);
            return byKey != 0 ? byKey : Integer.compare(slots[a], slots[b]);
        });
        Neighbor[] result = new Neighbor[size];
        for (int i = 0; i < size; i++) {
            int entry = order[i];
            result[i] = new Neighbor(slots[entry], column.rowIdOf(slots[entry]), kind.distance(keys[entry]));
        }
        return result;
    }

    private void siftUp(int index) {
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (Float.compare(keys[index], keys[parent]) <= 0) {
                return;
            }
            swap(index, parent);
            index = parent;
        }
    }

    private void siftDown(int index) {
        while (true) {
            int largest = index;
            int left = 2 * index + 1;
            int right = left + 1;
            if (left < size && Float.compare(keys[left], keys[largest]) > 0) {
                largest = left;
            }
            if (right < size && Float.compare(keys[right], keys[largest]) > 0) {
                largest = right;
            }
            if (largest == index) {
                return;
            }
            swap(index, largest);
            index = largest;
        }
    }

    private void swap(int a, int b) {
        float key = keys[a];
        keys[a] = keys[b];
        keys[b] = key;
        int slot = slots[a];
        slots[a] = slots[b];
        slots[b] = slot;
    }
}
