package dev.cemap.analyzer.api;

import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.replay.ApiCall;
import dev.cemap.analyzer.state.PathState;

/** {@code MapViewOfFile}: a view the kernel reserved, a valid VirtualCopy destination. */
final class FileViewModel implements ApiModel {

    @Override
    public Value apply(ApiCall call, PathState state, ModelContext context) {
        return Value.pointingTo(new Pointee.FileView());
    }
}
