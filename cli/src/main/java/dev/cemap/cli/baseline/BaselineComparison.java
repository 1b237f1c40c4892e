package dev.cemap.cli.baseline;

import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.cli.output.BaselineState;
import dev.cemap.cli.output.ReportedResult;
import dev.cemap.rules.Finding;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gives every result its SARIF {@code baselineState}: a result whose partial fingerprint the
 * baseline holds is {@code unchanged}, or {@code updated} when its level or message differs;
 * any other is {@code new}; a baseline result nothing matched is added as {@code absent}. The
 * fingerprint leaves out line numbers, so a result that only moved is unchanged. Results with
 * the same fingerprint are paired in order.
 */
public final class BaselineComparison {

    private BaselineComparison() {
    }

    public static List<ReportedResult> compare(List<ReportedResult> results, Baseline baseline, Path sourceRoot) {
        Map<String, Deque<BaselineResult>> unmatched = new HashMap<>();
        for (BaselineResult old : baseline.results()) {
            unmatched.computeIfAbsent(old.fingerprint(), key -> new ArrayDeque<>()).add(old);
        }
        List<ReportedResult> compared = new ArrayList<>();
        for (ReportedResult result : results) {
            Deque<BaselineResult> candidates = unmatched.getOrDefault(result.fingerprint(), new ArrayDeque<>());
            BaselineResult old = candidates.poll();
            compared.add(result.inState(old == null ? BaselineState.NEW
                    : sameAs(result.finding(), old) ? BaselineState.UNCHANGED : BaselineState.UPDATED));
        }
        for (BaselineResult old : baseline.results()) {
            Deque<BaselineResult> left = unmatched.get(old.fingerprint());
            if (left != null && left.remove(old)) {
                compared.add(absent(old, sourceRoot));
            }
        }
        return compared;
    }

    private static boolean sameAs(Finding finding, BaselineResult old) {
        return finding.level() == old.level() && finding.message().equals(old.message());
    }

    private static ReportedResult absent(BaselineResult old, Path sourceRoot) {
        SourceLocation location = SourceLocation.of(fileOf(old.uri(), sourceRoot), old.line(), old.column());
        Finding finding = new Finding(old.ruleId(), old.level(), old.message(), location, List.of(), "");
        return new ReportedResult(finding, old.fingerprint(), Optional.empty(), Optional.of(BaselineState.ABSENT));
    }

    /** Relative URIs are relative to {@code %SRCROOT%}, the scan root both logs share. */
    private static Path fileOf(String uri, Path sourceRoot) {
        try {
            URI parsed = new URI(uri);
            if (parsed.isAbsolute() && "file".equals(parsed.getScheme())) {
                return Path.of(parsed);
            }
            String path = parsed.getPath() == null || parsed.getPath().isEmpty() ? "." : parsed.getPath();
            return sourceRoot.resolve(path).normalize();
        } catch (URISyntaxException | IllegalArgumentException unusable) { // InvalidPathException is one too
            return sourceRoot; // the result is still counted as gone; only its place is unknown
        }
    }
}
