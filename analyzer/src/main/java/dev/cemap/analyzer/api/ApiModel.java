package dev.cemap.analyzer.api;

import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.replay.ApiCall;
import dev.cemap.analyzer.state.PathState;

/**
 * How one kind of CE API call changes a path: the emulated memory, the resources the path holds,
 * the values written through out-arguments. A model records what it did as a
 * {@link dev.cemap.analyzer.replay.ReplayEvent} through the context and returns the call's value.
 */
public interface ApiModel {

    Value apply(ApiCall call, PathState state, ModelContext context);
}
