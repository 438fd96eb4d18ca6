package dev.eksip.aws;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.inventory.LaunchData;
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
 * EC2 launch templates (instance type and user data): one paginated {@code DescribeLaunchTemplateVersions} per distinct template, asking for
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

    /**
     * What each of {@code wanted} holds (instance type, user data), for those that could be read. User data comes
     * with the same {@code DescribeLaunchTemplateVersions} response ({@code LaunchTemplateData.UserData}, base64):
     * no further call, no further IAM action.
     */
    Map<LaunchSpec.Template, LaunchData> launches(Collection<LaunchSpec.Template> wanted, ReadPool pool) {
        Map<String, Set<String>> versionsByTemplate = new TreeMap<>();
        wanted.forEach(t -> versionsByTemplate.computeIfAbsent(t.template(), k -> new TreeSet<>()).add(t.version()));
        List<String> templates = List.copyOf(versionsByTemplate.keySet());
        List<Optional<Map<String, LaunchData>>> read = pool.leaves(templates, calls, (c, template) -> c.gapOr(
                new Scope.OfLaunchTemplate(template), "ec2:DescribeLaunchTemplateVersions",
                ("launch template %s could not be read; node group instance types taken from running nodes, max pods "
                 + "of its self-managed or custom-AMI groups assumed").formatted(template),
                () -> read(template, versionsByTemplate.get(template))));
        Map<String, Map<String, LaunchData>> byVersion = new HashMap<>();
        for (int i = 0; i < templates.size(); i++) {
            String template = templates.get(i);
            read.get(i).ifPresent(found -> byVersion.put(template, found));
        }
        Map<LaunchSpec.Template, LaunchData> out = new HashMap<>();
        for (LaunchSpec.Template t : wanted) {
            LaunchData data = byVersion.getOrDefault(t.template(), Map.of()).get(t.version());
            if (data != null) out.put(t, data);
        }
        return out;
    }

    /** Each version's data by label: the version number, and {@code $Default} / {@code $Latest} where they apply. */
    private Map<String, LaunchData> read(String template, Set<String> versions) {
        boolean byId = template.startsWith("lt-");
        List<LaunchTemplateVersion> found = ec2.describeLaunchTemplateVersionsPaginator(r -> {
            if (byId) r.launchTemplateId(template);
            else r.launchTemplateName(template);
            r.versions(versions).maxResults(200);
        }).launchTemplateVersions().stream().toList();
        long latest = found.stream().mapToLong(v -> v.versionNumber() == null ? 0 : v.versionNumber()).max().orElse(0);
        Map<String, LaunchData> out = new HashMap<>();
        for (LaunchTemplateVersion v : found) {
            var d = v.launchTemplateData();
            String type = d == null || d.instanceTypeAsString() == null ? "" : d.instanceTypeAsString();
            String userData = d == null || d.userData() == null ? "" : d.userData();
            LaunchData data = new LaunchData(type, userData);
            out.put(String.valueOf(v.versionNumber()), data);
            if (Boolean.TRUE.equals(v.defaultVersion())) out.put("$Default", data);
            if (v.versionNumber() != null && v.versionNumber() == latest) out.put("$Latest", data);
        }
        return out;
    }
}
