package dev.cemap.analyzer.replay;

import dev.cemap.analyzer.model.SourceLocation;
import java.util.List;

/**
 * A call as it appears in the source.
 *
 * @param location       where the call expression starts
 * @param function       the function whose replay met it ({@code Class::Method} for C++ members)
 * @param callee         the called function's name
 * @param argumentTexts  each argument as written (before macro expansion)
 * @param via            when the call is inside a wrapper replayed at its call site: the calls
 *                       that led there, outermost (the one in {@code function}) first
 */
public record CallSite(SourceLocation location, String function, String callee, List<String> argumentTexts,
        List<CallSite> via) {

    public CallSite {
        argumentTexts = List.copyOf(argumentTexts);
        via = List.copyOf(via);
    }

    public CallSite(SourceLocation location, String function, String callee, List<String> argumentTexts) {
        this(location, function, callee, argumentTexts, List.of());
    }

    /** The argument as written, or "?" when the call has fewer arguments. */
    public String argument(int index) {
        return index < argumentTexts.size() ? argumentTexts.get(index) : "?";
    }

    /** Where a finding about this call belongs: the call in the replayed function that led to it. */
    public SourceLocation reportLocation() {
        return via.isEmpty() ? location : via.get(0).location();
    }

    /** True when the call is inside a wrapper replayed at its caller. */
    public boolean isInlined() {
        return !via.isEmpty();
    }
}
