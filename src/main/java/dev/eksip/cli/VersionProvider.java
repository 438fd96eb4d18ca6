package dev.eksip.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: {@code eks-ip-forecaster VERSION}, the version the build wrote into the jar's manifest
 * ({@code Implementation-Version}, from the pom's version); {@value #UNPACKAGED} when run from classes.
 */
final class VersionProvider implements IVersionProvider {
    static final String UNPACKAGED = "dev";

    /** The version of the running code. */
    static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? UNPACKAGED : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {RootCommand.NAME + " " + version()};
    }
}
