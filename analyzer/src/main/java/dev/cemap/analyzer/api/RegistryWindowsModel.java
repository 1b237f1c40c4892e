package dev.cemap.analyzer.api;

import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.replay.ApiCall;
import dev.cemap.analyzer.replay.DeviceWindows;
import dev.cemap.analyzer.state.PathState;
import java.util.List;

/**
 * CEDDK's {@code DDKReg_GetWindowInfo(hKey, &wini)}, answered from the driver key the replay
 * assumes: it fills the {@code DDKWINDOWINFO} with the key's IoBase/IoLen and MemBase/MemLen.
 * With no key assumed it is an unknown call.
 */
final class RegistryWindowsModel implements ApiModel {

    private static final int ERROR_SUCCESS = 0;

    @Override
    public Value apply(ApiCall call, PathState state, ModelContext context) {
        DeviceWindows windows = context.windows();
        context.unknownEffects(call, state);
        if (windows.isEmpty()) {
            return Value.unknown();
        }
        call.argument("windowInfo").outTarget().ifPresent(info -> {
            fill(state, context, info, "dwNumIoWindows", "ioWindows", windows.io());
            fill(state, context, info, "dwNumMemWindows", "memWindows", windows.memory());
        });
        return Value.of(ERROR_SUCCESS);
    }

    /** DDKWINDOWINFO: dwNumIoWindows, ioWindows[] {dwBase, dwLen}, dwNumMemWindows, memWindows[]. */
    private static void fill(PathState state, ModelContext context, StorageKey info, String count, String array,
            List<DeviceWindows.Range> ranges) {
        context.write(state, new StorageKey.Field(info, count), Value.of(ranges.size()));
        for (int i = 0; i < ranges.size(); i++) {
            StorageKey element = new StorageKey.Element(new StorageKey.Field(info, array), i);
            context.write(state, new StorageKey.Field(element, "dwBase"), Value.of(ranges.get(i).base()));
            context.write(state, new StorageKey.Field(element, "dwLen"), Value.of(ranges.get(i).length()));
        }
    }
}
