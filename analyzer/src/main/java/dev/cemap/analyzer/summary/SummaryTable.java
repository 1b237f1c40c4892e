package dev.cemap.analyzer.summary;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The summaries of the scanned tree's functions, by the name a call uses. */
public final class SummaryTable {

    public static final SummaryTable EMPTY = new SummaryTable(Map.of());

    private final Map<String, FunctionSummary> byName;

    private SummaryTable(Map<String, FunctionSummary> byName) {
        this.byName = byName;
    }

    /** The summary a call of {@code callee} from {@code callerFile} binds to, when exactly one does. */
    public Optional<FunctionSummary> summaryOf(String callee, Path callerFile) {
        return Optional.ofNullable(byName.get(callee));
    }
}
