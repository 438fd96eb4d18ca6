package dev.eksip.testing.ports;

import dev.eksip.app.alert.Alert;
import dev.eksip.app.alert.AlertState;
import dev.eksip.app.port.AlertSink;
import dev.eksip.app.port.AlertStateStore;
import dev.eksip.app.port.MetricPoint;
import dev.eksip.app.port.MetricsSink;
import dev.eksip.domain.Scope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In-memory ports for tests. */
public final class InMemoryPorts {
    private InMemoryPorts() {
    }

    /** Records every publish call. */
    public static final class RecordingMetrics implements MetricsSink {
        public final List<List<MetricPoint>> calls = new ArrayList<>();
        public RuntimeException failWith;

        @Override
        public synchronized void publish(List<MetricPoint> points) {
            if (failWith != null) throw failWith;
            calls.add(List.copyOf(points));
        }

        public synchronized List<MetricPoint> all() {
            return calls.stream().flatMap(List::stream).toList();
        }
    }

    /** Records every alert; can fail for one cluster. */
    public static final class RecordingAlerts implements AlertSink {
        public final List<Alert> sent = new ArrayList<>();
        public String failForCluster;

        @Override
        public synchronized void send(Alert alert) {
            if (alert.cluster().equals(failForCluster))
                throw new AlertSink.NotSentException("SNS unavailable (test)", null);
            sent.add(alert);
        }
    }

    /** A map by scope, with the store's compare-and-set semantics (under one lock). */
    public static final class MemoryStates implements AlertStateStore {
        public final Map<Scope, AlertState> states = new HashMap<>();

        @Override
        public synchronized Optional<AlertState> load(Scope scope) {
            return Optional.ofNullable(states.get(scope));
        }

        @Override
        public synchronized void save(AlertState state) {
            states.put(state.scope(), state);
        }

        @Override
        public synchronized boolean claim(Optional<AlertState> previous, AlertState next) {
            if (!Optional.ofNullable(states.get(next.scope())).equals(previous)) return false;
            states.put(next.scope(), next);
            return true;
        }

        @Override
        public synchronized boolean release(AlertState claimed, Optional<AlertState> previous) {
            if (!claimed.equals(states.get(claimed.scope()))) return false;
            if (previous.isPresent()) states.put(claimed.scope(), previous.get());
            else states.remove(claimed.scope());
            return true;
        }
    }
}
