package dev.eksip.testing.forecast;

import dev.eksip.domain.CniSource;

import dev.eksip.domain.ClusterForecast;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.GrowthForecast;
import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.Severity;
import dev.eksip.domain.SubnetForecast;
import dev.eksip.domain.ZoneForecast;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Hand-built forecasts for the tests of what consumes one (alerts, metrics, the handler, reports; the engine is
 * tested elsewhere): {@code subnet("subnet-1").az("us-east-1b").clusters("web-prod").critical().build()}, and
 * {@link #forecast} to put subnets together with their zones and clusters.
 */
public final class Forecasts {
    public static final Instant AS_OF = Instant.parse("2026-11-20T09:15:00Z");

    private Forecasts() {
    }

    public static SubnetBuilder subnet(String id) {
        return new SubnetBuilder(id);
    }

    /** A subnet forecast with sensible defaults (OK, plenty of room). */
    public static final class SubnetBuilder {
        private final String id;
        private String vpc = "vpc-0abc";
        private String az = "us-east-1a";
        private String cidr = "10.0.0.0/24";
        private int usable = 251;
        private int available = 200;
        private int warm = 20;
        private boolean prefix;
        private int blocks = -1;
        private GrowthForecast atDesired = new GrowthForecast(180, 170, 150);
        private GrowthForecast atMax = new GrowthForecast(150, 120, 80);
        private int nodes = 10;
        private Severity severity = Severity.OK;
        private List<String> clusters = List.of("web-prod");
        private List<String> groups = List.of("web-spot");
        private String reason = "Plenty of room at max size.";
        private String fix = "";

        private SubnetBuilder(String id) {
            this.id = id;
        }

        public SubnetBuilder vpc(String v) { vpc = v; return this; }
        public SubnetBuilder az(String v) { az = v; return this; }
        public SubnetBuilder cidr(String v) { cidr = v; return this; }
        public SubnetBuilder usable(int v) { usable = v; return this; }
        public SubnetBuilder available(int v) { available = v; return this; }
        public SubnetBuilder warm(int v) { warm = v; return this; }
        public SubnetBuilder prefixBlocks(int v) { prefix = true; blocks = v; return this; }
        public SubnetBuilder atDesired(int baseline, int median, int full) { atDesired = new GrowthForecast(baseline, median, full); return this; }
        public SubnetBuilder atMax(int baseline, int median, int full) { atMax = new GrowthForecast(baseline, median, full); return this; }
        public SubnetBuilder nodesUntilExhaustion(int v) { nodes = v; return this; }
        public SubnetBuilder clusters(String... v) { clusters = List.of(v); return this; }
        public SubnetBuilder nodeGroups(String... v) { groups = List.of(v); return this; }
        public SubnetBuilder reason(String v) { reason = v; return this; }
        public SubnetBuilder fix(String v) { fix = v; return this; }

        public SubnetBuilder warning() {
            severity = Severity.WARNING;
            reason = "At max size the node groups leave only 12 addresses.";
            fix = "Lower WARM_ENI_TARGET or add a secondary CIDR.";
            atMax = new GrowthForecast(40, 12, -30);
            nodes = 2;
            return this;
        }

        public SubnetBuilder critical() {
            severity = Severity.CRITICAL;
            reason = "At max size the node groups need 40 addresses more than the subnet has.";
            fix = "Add a secondary CIDR with a bigger subnet, or enable prefix delegation with a /28 reservation.";
            atDesired = new GrowthForecast(10, -5, -20);
            atMax = new GrowthForecast(-10, -40, -80);
            available = 12;
            nodes = 0;
            return this;
        }

        public SubnetForecast build() {
            return new SubnetForecast(id, vpc, az, cidr, usable, available, warm, prefix, blocks, atDesired, atMax,
                    nodes, severity, clusters, groups, reason, fix);
        }
    }

    /** A forecast over the given subnets, with zones and clusters derived from them. */
    public static Forecast forecast(List<SubnetForecast> subnets, InventoryGap... gaps) {
        List<ZoneForecast> zones = subnets.stream().map(s -> new ZoneForecast(s.availabilityZone(), s.vpcId(), 1,
                s.usableIps(), s.availableIps(), s.warmIps(), s.atDesired(), s.atMax(), s.severity())).toList();
        List<String> names = subnets.stream().flatMap(s -> s.clusters().stream()).distinct().sorted().toList();
        List<ClusterForecast> clusters = new ArrayList<>();
        for (String c : names) {
            List<SubnetForecast> mine = subnets.stream().filter(s -> s.clusters().contains(c)).toList();
            clusters.add(new ClusterForecast(c, 3, 1,
                    mine.stream().mapToInt(s -> s.atDesired().headline()).min().orElse(0),
                    mine.stream().mapToInt(s -> s.atMax().headline()).min().orElse(0),
                    (int) mine.stream().filter(s -> s.severity() != Severity.OK).count(),
                    (int) mine.stream().filter(SubnetForecast::exhaustedAtMax).count(),
                    mine.stream().map(SubnetForecast::severity).max(Comparator.naturalOrder()).orElse(Severity.OK),
                    CniSource.DEFAULT, CniSettings.DEFAULTS, mine.stream().map(SubnetForecast::subnetId).toList(), List.of()));
        }
        return new Forecast(AS_OF, "123456789012", "us-east-1", subnets, zones, clusters, List.of(gaps), 0, 0);
    }

    public static Forecast forecast(SubnetForecast... subnets) {
        return forecast(List.of(subnets));
    }

    /** The same forecast at another time. */
    public static Forecast at(Forecast f, Instant asOf) {
        return new Forecast(asOf, f.accountId(), f.region(), f.subnets(), f.zones(), f.clusters(), f.gaps(),
                f.unattributedNodes(), f.unattributedEnis());
    }
}
