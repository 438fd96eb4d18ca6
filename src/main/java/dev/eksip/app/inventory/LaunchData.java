package dev.eksip.app.inventory;

import static java.util.Objects.requireNonNull;

/**
 * What a launch template version or launch configuration holds that the forecast reads.
 *
 * @param instanceType the instance type it names ("" when none)
 * @param userData     its user data, base64 as EC2 returns it ("" when none)
 */
public record LaunchData(String instanceType, String userData) {
    public LaunchData {
        requireNonNull(instanceType, "instanceType");
        requireNonNull(userData, "userData");
    }

    /** Only an instance type (user data not read). */
    public static LaunchData ofType(String instanceType) {
        return new LaunchData(instanceType, "");
    }
}
