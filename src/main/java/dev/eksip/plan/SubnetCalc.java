package dev.eksip.plan;

import static java.util.Objects.requireNonNull;

import dev.eksip.domain.CniSettings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The seed spreadsheet {@code subnet-calc.xlsx} re-implemented to the unit, quirks included
 * (subnet-calc-model.md §2–§3), with the workbook's own 2022 instance tables ({@code data/subnet-calc-2022.csv},
 * verbatim {@code reference/subnet-calc/instance-limits-2022.csv}). Not what ipamd does: see {@link NodeModel}.
 */
public final class SubnetCalc {
    private static final String RESOURCE = "/data/subnet-calc-2022.csv";
    private static final SubnetCalc EMBEDDED = load();

    private final Map<String, SheetType> byType;

    private SubnetCalc(Map<String, SheetType> byType) {
        this.byType = Map.copyOf(byType);
    }

    /** The workbook's tables as embedded in the jar. */
    public static SubnetCalc embedded() {
        return EMBEDDED;
    }

    /**
     * One type as the workbook knows it; a value is empty where the workbook's table has no row (#N/A).
     *
     * @param ipsPerEni {@code Table1[IPv4addr]}, the ENI's primary IP included
     * @param maxEnis   {@code Table1[MaxENI]}
     * @param maxPods   {@code Table2[max pods]}
     */
    public record SheetType(String instanceType, OptionalInt ipsPerEni, OptionalInt maxEnis, OptionalInt maxPods) {
    }

    /** One instance row of the sheet ({@code A23..}): type, "# of Instances", "Target Workload Pods per Node". */
    public record Input(String instanceType, int count, int pods) {
        public Input {
            requireNonNull(instanceType, "instanceType");
        }
    }

    /**
     * One computed row of {@code Table3} (WarmENI) or {@code Table36} (WarmIP).
     *
     * @param ipsPerEni       column E, IPs per ENI PI
     * @param maxEnis         column D, Max ENIs per Instance PI (display only)
     * @param maxPods         column F, Max Pods PI (display only; empty = #N/A)
     * @param inUseEnis       column I, in use ENIs PI
     * @param enis            WarmENI column J, with warm ENI PI; WarmIP: column I (the warm flag is not counted)
     * @param warmEniFlag     WarmIP column L, Warm ENIs Needed (display only); WarmENI: WARM_ENI_TARGET
     * @param actualIps       Actual IPs PI (pods + host IPs)
     * @param usedIps         Used IPs PI: WarmENI column L, WarmIP hidden column K (what the totals sum)
     * @param ipsTotal        IPs Total: WarmENI column N, WarmIP column Q
     * @param podsTotal       Pods Total: WarmENI column O, WarmIP column P
     */
    public record Row(String instanceType, int count, int pods, int ipsPerEni, int maxEnis, OptionalInt maxPods,
                      int inUseEnis, int enis, int warmEniFlag, int actualIps, int usedIps, long ipsTotal,
                      long podsTotal) {
    }

    /**
     * The sheet's summary cells.
     *
     * @param availableIps B5, Total Available IP Addresses
     * @param ipsUsed      B8, Number of IPs Used
     * @param podsHosted   B9, Number of Pods Hosted
     * @param remaining    B10, # of Subnet IPs Remaining (may be negative)
     */
    public record Result(SpreadsheetSheet sheet, int prefixLength, long availableIps, List<Row> rows, long ipsUsed,
                         long podsHosted, long remaining) {
        public Result {
            rows = List.copyOf(rows);
        }
    }

    /** A type the workbook's Table1 lacks: the row and the totals show #N/A. */
    public static final class MissingTypeException extends IllegalArgumentException {
        private final String instanceType;

        public MissingTypeException(String instanceType) {
            super(("instance type '%s' is not in the spreadsheet's 2022 instance table (Table1[Type]): "
                    + "the sheet shows #N/A; use --model vpc-cni for current types").formatted(instanceType));
            this.instanceType = instanceType;
        }

        public String instanceType() {
            return instanceType;
        }
    }

    /** Which sheet a CNI configuration maps to: WARM_IP_TARGET set (&gt; 0) → WarmIP, else WarmENI. */
    public static SpreadsheetSheet sheetFor(CniSettings cni) {
        return cni.warmIpTarget() > 0 ? SpreadsheetSheet.WARM_IP : SpreadsheetSheet.WARM_ENI;
    }

    /** B13: the target the chosen sheet reads (WARM_ENI_TARGET on WarmENI, WARM_IP_TARGET on WarmIP). */
    public static int targetFor(SpreadsheetSheet sheet, CniSettings cni) {
        return switch (sheet) {
            case WARM_ENI -> cni.warmEniTarget();
            case WARM_IP -> cni.warmIpTarget();
        };
    }

    /** B5 via CidrData {@code Table4[number of ips]}: {@code 2^(32−N) − 2} for N in 1..30, else #N/A. */
    public static long availableIps(int prefixLength) {
        if (prefixLength < 1 || prefixLength > 30)
            throw new IllegalArgumentException("the sheet's CidrData table has /1../30 only, not /" + prefixLength);
        return (1L << (32 - prefixLength)) - 2;
    }

    /** XLOOKUP semantics: exact, case-insensitive match on the type. */
    public Optional<SheetType> find(String instanceType) {
        return Optional.ofNullable(byType.get(key(instanceType)));
    }

    /**
     * Recalculates the workbook.
     *
     * @param sheet          which sheet (see {@link #sheetFor})
     * @param prefixLength   B4
     * @param target         B13: WARM_ENI_TARGET (WarmENI) or WARM_IP_TARGET (WarmIP)
     * @param hostNetworkIps B14, added once per instance
     * @param inputs         the instance rows A23..C
     * @throws MissingTypeException for a type without IPv4addr/MaxENI in the 2022 table
     */
    public Result calculate(SpreadsheetSheet sheet, int prefixLength, int target, int hostNetworkIps,
                            List<Input> inputs) {
        long available = availableIps(prefixLength);
        List<Row> rows = new ArrayList<>(inputs.size());
        long ipsUsed = 0;
        long podsHosted = 0;
        for (Input in : inputs) {
            Row row = row(sheet, target, hostNetworkIps, in);
            rows.add(row);
            ipsUsed += row.ipsTotal();     // B8 = SUM(IPs Total)
            podsHosted += row.podsTotal(); // B9 = SUM(Pods Total)
        }
        return new Result(sheet, prefixLength, available, rows, ipsUsed, podsHosted, available - ipsUsed); // B10 = B5 − B8
    }

    private Row row(SpreadsheetSheet sheet, int target, int host, Input in) {
        SheetType t = find(in.instanceType()).orElseThrow(() -> new MissingTypeException(in.instanceType()));
        if (t.ipsPerEni().isEmpty() || t.maxEnis().isEmpty()) throw new MissingTypeException(in.instanceType());
        int e = t.ipsPerEni().getAsInt();                 // E = XLOOKUP(type, Table1[Type], Table1[IPv4addr])
        int d = t.maxEnis().getAsInt();                   // D = XLOOKUP(type, Table1[Type], Table1[MaxENI])
        int c = in.pods();
        int inUse = ceilDiv(c, e);                        // I = CEILING.MATH(C/E); no cap at D or F
        int actual = c + host;                            // K (WarmENI) / J (WarmIP) = C + H
        long podsTotal = (long) c * in.count();           // O (WarmENI) / P (WarmIP) = C*B
        return switch (sheet) {
            case WARM_ENI -> {
                int withWarm = inUse + target;            // J = I + WARM_ENI_TARGET
                int used = withWarm * e + host;           // L = J*E + H
                yield new Row(t.instanceType(), in.count(), c, e, d, t.maxPods(), inUse, withWarm, target, actual,
                        used, (long) used * in.count(), podsTotal); // N = L*B
            }
            case WARM_IP -> {
                int used = inUse * e + host;              // hidden K = I*E + H
                int flag = (used - actual) < target ? 1 : 0; // L = IF((K−J) < WARM_IP_TARGET, 1, 0): display only
                yield new Row(t.instanceType(), in.count(), c, e, d, t.maxPods(), inUse, inUse, flag, actual,
                        used, (long) used * in.count(), podsTotal); // Q = K*B (not O)
            }
        };
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static String key(String instanceType) {
        return instanceType == null ? "" : instanceType.trim().toLowerCase(Locale.ROOT);
    }

    /** Parses the table rows (header skipped): {@code type,ipv4_per_eni,max_eni,max_pods}, blanks = #N/A. */
    static Map<String, SheetType> parse(List<String> rows) {
        Map<String, SheetType> out = new HashMap<>();
        for (String row : rows) {
            String[] c = row.split(",", -1);
            if (c.length != 4) throw new IllegalStateException("bad subnet-calc table row: " + row);
            String type = key(c[0]);
            out.put(type, new SheetType(type, optInt(c[1]), optInt(c[2]), optInt(c[3])));
        }
        return out;
    }

    private static OptionalInt optInt(String s) {
        return s.isBlank() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(s.trim()));
    }

    private static SubnetCalc load() {
        try (InputStream in = SubnetCalc.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing embedded resource " + RESOURCE);
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.isBlank()).toList();
            return new SubnetCalc(parse(lines.subList(1, lines.size())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
