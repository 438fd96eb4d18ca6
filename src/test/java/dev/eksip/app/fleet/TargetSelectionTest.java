package dev.eksip.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class TargetSelectionTest {
    /** A directory answering from a fixed listing and recording what it was asked. */
    static final class Directory implements AccountDirectory {
        final List<List<String>> asked = new ArrayList<>();
        final Listing listing;

        Directory(Listing listing) {
            this.listing = listing;
        }

        @Override
        public Listing accounts(List<String> units) {
            asked.add(units);
            return listing;
        }
    }

    @Test
    void explicitAccountsCrossedWithRegionsSortedAndDistinctWithoutAskingTheOrganization() {
        Directory directory = new Directory(new AccountDirectory.Listing(List.of("999999999999"), Map.of()));
        var selection = new TargetSelection(List.of("222222222222", "111111111111", "222222222222"), false, List.of(),
                List.of("eu-west-1", "us-east-1"));

        var resolved = selection.resolve(directory);

        assertThat(resolved.targets()).extracting(AuditTarget::key).containsExactly(
                "111111111111/eu-west-1", "111111111111/us-east-1", "222222222222/eu-west-1", "222222222222/us-east-1");
        assertThat(directory.asked).isEmpty();
    }

    @Test
    void theOrganizationsActiveAccountsUnderTheUnitsAndTheSkippedOnesNamed() {
        Directory directory = new Directory(new AccountDirectory.Listing(List.of("333333333333", "111111111111"),
                Map.of("444444444444", "SUSPENDED")));
        var selection = new TargetSelection(List.of(), true, List.of("ou-ab12-cd34ef56"), List.of("eu-west-1"));

        var resolved = selection.resolve(directory);

        assertThat(directory.asked).containsExactly(List.of("ou-ab12-cd34ef56"));
        assertThat(resolved.targets()).extracting(AuditTarget::key)
                .containsExactly("111111111111/eu-west-1", "333333333333/eu-west-1");
        assertThat(resolved.skipped()).containsExactly(Map.entry("444444444444", "SUSPENDED"));
    }

    @Test
    void badSelectionsNameTheFieldAndWhatWasExpected() {
        assertThatThrownBy(() -> new TargetSelection(List.of(), false, List.of(), List.of("eu-west-1")))
                .hasMessageContaining("accounts: expected a list of 12-digit account ids or the organization");
        assertThatThrownBy(() -> new TargetSelection(List.of("111111111111"), true, List.of(), List.of("eu-west-1")))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> new TargetSelection(List.of("1234"), false, List.of(), List.of("eu-west-1")))
                .hasMessageContaining("account id '1234': expected 12 digits");
        assertThatThrownBy(() -> new TargetSelection(List.of("111111111111"), false, List.of(), List.of("Europe")))
                .hasMessageContaining("region 'Europe': expected an AWS region name");
        assertThatThrownBy(() -> new TargetSelection(List.of(), true, List.of("root"), List.of("eu-west-1")))
                .hasMessageContaining("organizational unit 'root'");
        assertThatThrownBy(() -> new TargetSelection(List.of("111111111111"), false, List.of(), List.of()))
                .hasMessageContaining("regions: expected at least one region");
    }

    @Test
    void targetKeysRoundTrip() {
        AuditTarget t = new AuditTarget("123456789012", "ap-southeast-2");
        assertThat(AuditTarget.parse(t.key())).isEqualTo(t);
        assertThatThrownBy(() -> AuditTarget.parse("123456789012")).hasMessageContaining("expected ACCOUNT/REGION");
        assertThat(TargetSelection.list(" 1, ,2 ,")).containsExactly("1", "2");
    }
}
