package dev.cemap.corpus;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The markers of one corpus source.
 *
 * @param targets  the targets the file is scanned with, in the order written ({@code ce6} when
 *                 the file has no {@code cemap-targets:} line)
 * @param markers  every marker, in line order
 */
record MarkedFile(List<String> targets, List<Marker> markers) {

    MarkedFile {
        targets = List.copyOf(targets);
        markers = List.copyOf(markers);
    }

    /** The (line, rule) pairs a scan with {@code target} must report, and nothing else. */
    SortedSet<LineRule> expectedFindings(String target) {
        return lineRules(Marker.Kind.EXPECT, target);
    }

    /** The text each expected finding's message must contain, where a marker pins one. */
    Map<LineRule, String> expectedMessages(String target) {
        Map<LineRule, String> messages = new TreeMap<>();
        for (Marker marker : markers) {
            if (marker.kind() == Marker.Kind.EXPECT && marker.appliesTo(target) && marker.message().isPresent()) {
                messages.put(new LineRule(marker.line(), marker.ruleId()), marker.message().get());
            }
        }
        return messages;
    }

    /** The (line, rule) pairs documented as negative cases for {@code target}. */
    SortedSet<LineRule> okCases(String target) {
        return lineRules(Marker.Kind.OK, target);
    }

    private SortedSet<LineRule> lineRules(Marker.Kind kind, String target) {
        SortedSet<LineRule> result = new TreeSet<>();
        for (Marker marker : markers) {
            if (marker.kind() == kind && marker.appliesTo(target)) {
                result.add(new LineRule(marker.line(), marker.ruleId()));
            }
        }
        return result;
    }
}
