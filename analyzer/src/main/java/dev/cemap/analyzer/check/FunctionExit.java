package dev.cemap.analyzer.check;

import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.replay.CallSite;
import java.util.List;
import java.util.Set;

/**
 * A path leaves a function body.
 *
 * @param function        the function left
 * @param site            the exit (a {@code return} or the end of the body), with {@code via}
 *                        leading from the replayed function when the body was replayed at a call
 * @param returned        the value it returns
 * @param locals          the body's own locals and parameters, which die here
 * @param pointerLocals   those of them declared as pointers: what is stored through them lives on
 * @param regionsCreated  the regions created by this body or by the bodies it called
 * @param root            true for the replayed function itself, false for a body replayed at a call
 */
public record FunctionExit(String function, CallSite site, Value returned, Set<StorageKey> locals,
        Set<StorageKey> pointerLocals, Set<Integer> regionsCreated, boolean root) {

    public FunctionExit {
        locals = Set.copyOf(locals);
        pointerLocals = Set.copyOf(pointerLocals);
        regionsCreated = Set.copyOf(regionsCreated);
    }

    public List<CallSite> via() {
        return site.via();
    }
}
