package dev.eksip.aws;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.inventory.LaunchSpec;
import dev.eksip.domain.Scope;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * EC2 launch templates: one paginated {@code DescribeLaunchTemplateVersions} per distinct template, asking for
 * every version needed of it (the templates side by side under the {@link ReadPool} bound). A template that cannot be
 * read is a gap.
 */
final class LaunchTemplateReader {
    private final Ec2Client ec2;
    private final AwsCalls calls;

    LaunchTemplateReader(Ec2Client ec2, AwsCalls calls) {
        this.ec2 = requireNonNull(ec2, "ec2");
        this.calls = requireNonNull(calls, "calls");
    }

    /** The instance type each of {@code wanted} names, for those that could be read and name one. */
    Map<LaunchSpec.Template, String> instanceTypes(Collection<LaunchSpec.Template> wanted, ReadPool pool) {
        Map<String, Set<String>> versionsByTemplate = new TreeMap<>();
        wanted.forEach(t -> versionsByTemplate.computeIfAbsent(t.template(), k -> new TreeSet<>()).add(t.version()));
        List<String> templates = List.copyOf(versionsByTemplate.keySet());
        List<Optional<Map<String, String>>> read = pool.leaves(templates, calls, (c, template) -> c.gapOr(
                new Scope.OfLaunchTemplate(template), "ec2:DescribeLaunchTemplateVersions",
                "launch template %s could not be read; node group instance types taken from running nodes"
                        .formatted(template),
                () -> read(template, versionsByTemplate.get(template))));
        Map<String, Map<String, String>> typeByVersion = new HashMap<>();
        for (int i = 0; i < templates.size(); i++) {
            String template = templates.get(i);
            read.get(i).ifPresent(found -> typeByVersion.put(template, found));
        }
        Map<LaunchSpec.Template, String> out = new HashMap<>();
        for (LaunchSpec.Template t : wanted) {
            String type = typeByVersion.getOrDefault(t.template(), Map.of()).get(t.version());
            if (type != null) out.put(t, type);
        }
        return out;
    }

    /** Instance type by version label: the version number, and {@code $Default} / {@code $Latest} where they apply. */
    private Map<String, String> read(String template, Set<String> versions) {
        boolean byId = template.startsWith("lt-");
        List<LaunchTemplateVersion> found = ec2.describeLaunchTemplateVersionsPaginator(r -> {
            if (byId) r.launchTemplateId(template);
            else r.launchTemplateName(template);
            r.versions(versions).maxResults(200);
        }).launchTemplateVersions().stream().toList();
        long latest = found.stream().mapToLong(v -> v.versionNumber() == null ? 0 : v.versionNumber()).max().orElse(0);
        Map<String, String> out = new HashMap<>();
        for (LaunchTemplateVersion v : found) {
            String type = v.launchTemplateData() == null ? null : v.launchTemplateData().instanceTypeAsString();
            if (type == null) continue;
            out.put(String.valueOf(v.versionNumber()), type);
            if (Boolean.TRUE.equals(v.defaultVersion())) out.put("$Default", type);
            if (v.versionNumber() != null && v.versionNumber() == latest) out.put("$Latest", type);
        }
        return out;
    }
}
