package dev.eksip.app.inventory;

import static java.util.Objects.requireNonNull;

/**
 * What a node group launches from when it names no instance type itself: the type is then read from a launch
 * template version or a launch configuration.
 */
public sealed interface LaunchSpec {
    /** Nothing to read the instance type from. */
    LaunchSpec NONE = new None();

    record None() implements LaunchSpec {
    }

    /**
     * A launch template version.
     *
     * @param template the template id ({@code lt-…}) or, when the group names none, its name
     * @param version  a version number, {@code $Default} or {@code $Latest}
     */
    record Template(String template, String version) implements LaunchSpec {
        public Template {
            requireNonNull(template, "template");
            requireNonNull(version, "version");
        }
    }

    /** An Auto Scaling launch configuration (self-managed groups only). */
    record Configuration(String name) implements LaunchSpec {
        public Configuration {
            requireNonNull(name, "name");
        }
    }
}
