package dev.eksip.aws;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Describe filters accept at most {@link #MAX_VALUES} values: longer lists are read in batches, each paginated. */
final class FilterBatches {
    /** EC2 and Auto Scaling accept up to 200 values per filter. */
    static final int MAX_VALUES = 200;

    private FilterBatches() {
    }

    static <T> List<List<T>> of(Collection<T> values) {
        return of(values, MAX_VALUES);
    }

    static <T> List<List<T>> of(Collection<T> values, int size) {
        List<T> list = List.copyOf(values);
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) out.add(list.subList(i, Math.min(list.size(), i + size)));
        return out;
    }
}
