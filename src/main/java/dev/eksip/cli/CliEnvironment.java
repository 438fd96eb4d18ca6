package dev.eksip.cli;

import dev.eksip.app.MetricMapping;
import dev.eksip.config.AppConfig;
import dev.eksip.config.ConfiguredCni;
import dev.eksip.domain.CniSettings;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The CLI's configuration: everything it takes from the process environment, read once by {@link Main#main}
 * (the counterpart of the function's {@link AppConfig}). A value is checked when a command uses it, so a bad
 * {@code CNI_SETTINGS} fails {@code audit --live} and {@code inventory export}, not {@code plan}; the checks throw
 * {@link IllegalStateException} naming the variable, as {@link AppConfig} does.
 *
 * @param aws                     the {@code AWS_*} variables: region ({@code AWS_REGION}, {@code AWS_DEFAULT_REGION})
 *                                and endpoint overrides ({@code AWS_ENDPOINT_URL[_<SERVICE>]}) for the SDK clients
 *                                (credentials come from the SDK's default chain, for {@code AWS_PROFILE}; the
 *                                commands' {@code --profile} and {@code --region} replace the two: {@link AwsOptions})
 * @param metricNamespaceVariable {@code METRIC_NAMESPACE} as set: {@code audit --publish}
 * @param cniSettingsVariable     {@code CNI_SETTINGS} as set: {@code audit --live}, {@code inventory export}
 * @param function                the whole environment, for {@code invoke}: the function's own configuration reads
 *                                it as it does in Lambda
 */
record CliEnvironment(Map<String, String> aws, Optional<String> metricNamespaceVariable,
                      Optional<String> cniSettingsVariable, Map<String, String> function) {
    static final CliEnvironment EMPTY = from(Map.of());

    CliEnvironment {
        aws = Map.copyOf(aws);
        function = Map.copyOf(function);
    }

    /** Reads {@code env} (in production the process environment); checks nothing yet. */
    static CliEnvironment from(Map<String, String> env) {
        return new CliEnvironment(
                env.entrySet().stream().filter(e -> e.getKey().startsWith("AWS_"))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
                Optional.ofNullable(env.get(AppConfig.METRIC_NAMESPACE)),
                Optional.ofNullable(env.get(ConfiguredCni.VARIABLE)),
                env);
    }

    /** {@code METRIC_NAMESPACE}, validated; default {@value AppConfig#DEFAULT_NAMESPACE}. */
    String metricNamespace() {
        return AppConfig.metricNamespace(metricNamespaceVariable.orElse(null));
    }

    /** {@code METRIC_DETAIL} for {@code audit --publish}, validated; default {@code lean}, as in the function. */
    MetricMapping.Detail metricDetail() {
        return AppConfig.metricDetail(function.get(AppConfig.METRIC_DETAIL));
    }

    /** {@code CNI_SETTINGS} parsed ({@link ConfiguredCni}); none when unset or blank. */
    Map<String, CniSettings> configuredCni() {
        return cniSettingsVariable.filter(v -> !v.isBlank()).map(ConfiguredCni::parse).orElse(Map.of());
    }
}
