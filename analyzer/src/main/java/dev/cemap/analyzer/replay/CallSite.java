package dev.cemap.analyzer.replay;

import dev.cemap.analyzer.model.SourceLocation;
import java.util.List;

/**
 * A call as it appears in the source.
 *
 * @param location       where the call expression starts
 * @param function       the enclosing function ({@code Class::Method} for C++ members)
 * @param callee         the called function's name
 * @param argumentTexts  each argument as written (before macro expansion)
 */
public record CallSite(SourceLocation location, String function, String callee, List<String> argumentTexts) {

    public CallSite {
        argumentTexts = List.copyOf(argumentTexts);
    }

    /** The argument as written, or "?" when the call has fewer arguments. */
    public String argument(int index) {
        return index < argumentTexts.size() ? argumentTexts.get(index) : "?";
    }
}
