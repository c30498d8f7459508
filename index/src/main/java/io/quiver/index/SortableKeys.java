package io.quiver.index;

/**
 * A float key and an int slot packed in one long that sorts as (key, slot) with {@link Float#compare}'s
 * order, so a batch of candidates sorts as a primitive array.
 */
final class SortableKeys {
    private SortableKeys() {
    }

    static long pack(float key, int slot) {
        int bits = Float.floatToIntBits(key);
        int sortable = bits ^ ((bits >> 31) & 0x7fffffff);
        return ((long) sortable << 32) | (slot & 0xffffffffL);
    }

    static float key(long packed) {
        int sortable = (int) (packed >> 32);
        return Float.intBitsToFloat(sortable ^ ((sortable >> 31) & 0x7fffffff));
    }

    static int slot(long packed) {
        return (int) packed;
    }
}
