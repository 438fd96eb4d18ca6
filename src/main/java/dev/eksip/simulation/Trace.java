package dev.eksip.simulation;

import java.util.Arrays;

/**
 * The outcomes of every comparison one simulated node's placement made (zone, node subnet, ranking and room of the
 * discovery candidates, how a /32 was carved out of /28 blocks): two nodes with equal traces were placed by the
 * same decisions. {@link #NONE} records nothing (the plain node-by-node path).
 */
final class Trace {
    static final Trace NONE = new Trace(false);

    private final boolean recording;
    private int[] values = new int[8];
    private int size;

    private Trace(boolean recording) {
        this.recording = recording;
    }

    static Trace recording() {
        return new Trace(true);
    }

    void add(int value) {
        if (!recording) return;
        if (size == values.length) values = Arrays.copyOf(values, size * 2);
        values[size++] = value;
    }

    void add(boolean value) {
        add(value ? 1 : 0);
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
