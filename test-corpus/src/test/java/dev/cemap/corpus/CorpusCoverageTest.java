package dev.cemap.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Keeps the corpus honest: every covered rule has at least three cases that must be reported and
 * three look-alikes that must not ({@code // ok: rule-id}), every marker parses and names a rule
 * of the catalogue, and at least one realistic driver is entirely clean.
 */
class CorpusCoverageTest {

    private static final int MINIMUM_CASES = 3;

    @Test
    void everyCoveredRuleHasPositiveAndNegativeCases() {
        Map<String, Integer> positives = counters();
        Map<String, Integer> negatives = counters();
        for (Path file : Corpus.sources()) {
            for (Marker marker : MarkerParser.parse(file).markers()) {
                Map<String, Integer> counts = marker.kind() == Marker.Kind.EXPECT ? positives : negatives;
                counts.computeIfPresent(marker.ruleId(), (rule, count) -> count + 1);
            }
        }
        List<String> thin = new ArrayList<>();
        for (String rule : RuleIds.COVERED) {
            if (positives.get(rule) < MINIMUM_CASES || negatives.get(rule) < MINIMUM_CASES) {
                thin.add(rule + ": " + positives.get(rule) + " expect, " + negatives.get(rule) + " ok");
            }
        }
        assertThat(thin).as("rules with fewer than %d positive or negative cases", MINIMUM_CASES).isEmpty();
    }

    @Test
    void everyMarkerParsesAndNamesACatalogueRule() {
        Map<String, String> problems = new TreeMap<>();
        for (Path file : Corpus.sources()) {
            try {
                for (Marker marker : MarkerParser.parse(file).markers()) {
                    if (!RuleIds.CATALOGUE.contains(marker.ruleId())) {
                        problems.put(Corpus.displayName(file) + ":" + marker.line(), "unknown rule " + marker.ruleId());
                    }
                }
            } catch (MarkerSyntaxException e) {
                problems.put(Corpus.displayName(file) + ":" + e.line(), e.getMessage());
            }
        }
        assertThat(problems).as("marker problems").isEmpty();
    }

    @Test
    void atLeastOneDriverIsEntirelyClean() {
        List<String> clean = Corpus.sources().stream()
                .filter(file -> MarkerParser.parse(file).markers().stream()
                        .noneMatch(marker -> marker.kind() == Marker.Kind.EXPECT))
                .map(Corpus::displayName)
                .toList();
        assertThat(clean).as("corpus files without any expected finding").isNotEmpty();
    }

    private static Map<String, Integer> counters() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        RuleIds.COVERED.forEach(rule -> counts.put(rule, 0));
        return counts;
    }
}
