package dev.cemap.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleRegistryTest {

    @Test
    void everyRuleHasCompleteMetadata() {
        for (Rule rule : RuleRegistry.all()) {
            RuleInfo info = rule.info();
            assertThat(info.id()).as("rule id of %s", rule.getClass()).matches("[a-z]+(-[a-z]+)*");
            assertThat(info.summary()).as(info.id()).isNotBlank().doesNotEndWith(".");
            assertThat(info.description()).as(info.id()).isNotBlank();
            assertThat(info.help()).as(info.id()).contains("```");
            assertThat(info.tags()).as(info.id()).isNotEmpty();
            assertThat(info.precision()).as(info.id()).isIn("very-high", "high", "medium", "low");
        }
    }

    @Test
    void idsAreUniqueAndSorted() {
        List<String> ids = RuleRegistry.all().stream().map(rule -> rule.info().id()).toList();
        assertThat(ids).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void foundationRulesAreRegistered() {
        assertThat(RuleRegistry.all()).extracting(rule -> rule.info().id()).contains(
                "page-offset-mismatch", "section-crossing", "missing-physical-shift", "physical-flag-missing",
                "dest-not-reserved", "invalid-protection", "release-with-size", "virtual-as-physical");
    }

    @Test
    void lookupById() {
        assertThat(RuleRegistry.byId("release-with-size")).isPresent();
        assertThat(RuleRegistry.byId("no-such-rule")).isEmpty();
    }
}
