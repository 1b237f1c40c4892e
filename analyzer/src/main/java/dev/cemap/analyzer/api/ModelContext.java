package dev.cemap.analyzer.api;

import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.replay.ApiCall;
import dev.cemap.analyzer.replay.DeviceWindows;
import dev.cemap.analyzer.replay.RegionOrigin;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.analyzer.state.PathState;
import java.util.Optional;

/** What the engine offers the API models: identities, the regions of this replay, and its checkers. */
public interface ModelContext {

    /** A new region id, unique within the replay of one function. */
    int newRegionId();

    /** A new heap block id, unique within the replay of one function. */
    int newBlockId();

    /** A new id for a call whose outcome a branch may decide. */
    int newCallId();

    void register(RegionOrigin region);

    Optional<RegionOrigin> region(int regionId);

    /** Records what the call did and tells the checkers. */
    void emit(ReplayEvent event, PathState state);

    /** Stores a value the call wrote (an out-argument), telling the checkers. */
    void write(PathState state, StorageKey key, Value value);

    /** What an unknown call may do: write through {@code &x}, keep any region it is handed. */
    void unknownEffects(ApiCall call, PathState state);

    /** The registry windows of the driver key this replay assumes, or {@link DeviceWindows#NONE}. */
    DeviceWindows windows();
}
