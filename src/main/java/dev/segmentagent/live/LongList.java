package dev.segmentagent.live;

import java.util.Arrays;

/** A growable list of primitive longs: member sets run to millions, boxing each id would be wasteful. */
final class LongList {

    private long[] values = new long[64];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    long[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
