package dev.eksip.aws;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

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

    /**
     * Reads {@code values} in filter batches, one leaf each on {@code pool}, and merges what the batches found by id
     * (sorted; an id found by two batches is taken from the first).
     */
    static <T> List<T> readMerged(Collection<String> values, ReadPool pool, AwsCalls calls,
                                  Function<List<String>, Map<String, T>> batch) {
        Map<String, T> byId = new TreeMap<>();
        pool.leaves(of(values), calls, (c, b) -> batch.apply(b)).forEach(found -> found.forEach(byId::putIfAbsent));
        return List.copyOf(byId.values());
    }
}
