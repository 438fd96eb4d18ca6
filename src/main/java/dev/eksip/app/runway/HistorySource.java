package dev.eksip.app.runway;

/** Where a subnet's history came from (the report's {@code runwaySource}). */
public enum HistorySource {
    /** The function's own published series, read back with {@code GetMetricData}. */
    METRICS("metrics"),
    /** Auto Scaling scaling activities (kept six weeks) × the forecast's per-node cost. */
    SCALING_ACTIVITIES("scaling-activities"),
    /** A snapshot's recorded series ({@code inventory export --history}). */
    SNAPSHOT("snapshot"),
    /** No history was read. */
    NONE("none");

    private final String label;

    HistorySource(String label) {
        this.label = label;
    }

    /** The spelling used in reports and snapshots. */
    public String label() {
        return label;
    }
}
