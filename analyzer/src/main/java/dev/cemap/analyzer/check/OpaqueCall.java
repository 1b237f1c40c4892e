package dev.cemap.analyzer.check;

import dev.cemap.analyzer.replay.Argument;
import dev.cemap.analyzer.replay.CallSite;
import java.util.List;

/**
 * A call the replay does not follow into: neither a modelled CE API nor a body it replays in
 * place. Its effects on the path (what it writes through its arguments, what it keeps) are applied
 * after the hook, so the arguments are the values it is handed.
 *
 * @param site       the call; its callee is "" for a call through a pointer
 * @param arguments  its evaluated arguments, in order
 * @param kind       what the replay knows of the called code
 */
public record OpaqueCall(CallSite site, List<Argument> arguments, Kind kind) {

    public OpaqueCall {
        arguments = List.copyOf(arguments);
    }

    public enum Kind {
        /** An SDK function whose effect on each argument the replay knows ({@code memset}). */
        LIBRARY,
        /** A function of the scanned tree, applied by its summary or not replayed (recursion, depth). */
        TREE,
        /** A function with no body in the scanned tree and no model: code the replay cannot see at all. */
        UNKNOWN
    }
}
