package dev.eksip.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

class IamActionsTest {
    @Test
    void theCliReferencesPolicyListsExactlyTheActionsTheInventoryCalls() throws Exception {
        String readme = Files.readString(Path.of("docs/cli.md"));
        int from = readme.indexOf("## Audit a real account read-only");
        int to = readme.indexOf("\n## ", from + 1);
        assertThat(from).isNotNegative();
        Matcher m = Pattern.compile("\"((?:ec2|eks|autoscaling):[A-Za-z]+)\"").matcher(readme.substring(from, to));
        TreeSet<String> documented = new TreeSet<>();
        while (m.find()) documented.add(m.group(1));
        assertThat(documented).containsExactlyElementsOf(new TreeSet<>(AwsInventorySource.IAM_ACTIONS));
    }

    @Test
    void theHistoryOptionNamesExactlyTheActionsTheRunwayCalls() throws Exception {
        String cli = Files.readString(Path.of("docs/cli.md"));
        Matcher m = Pattern.compile("`audit --history` adds ((?:`[a-z]+:[A-Za-z]+`(?:,|and|\\s)*)+)").matcher(cli);
        assertThat(m.find()).as("docs/cli.md names what `audit --history` adds").isTrue();
        Matcher action = Pattern.compile("`([a-z]+:[A-Za-z]+)`").matcher(m.group(1));
        TreeSet<String> documented = new TreeSet<>();
        while (action.find()) documented.add(action.group(1));
        assertThat(documented).containsExactlyElementsOf(new TreeSet<>(AwsRunway.IAM_ACTIONS));
    }
}
