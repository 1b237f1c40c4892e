package dev.cemap.analyzer.api;

import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.replay.ApiCall;
import dev.cemap.analyzer.replay.DeviceWindows;
import dev.cemap.analyzer.state.PathState;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code RegQueryValueEx(hKey, L"IoBase", NULL, &type, (LPBYTE)&dw, &size)}: the first IoBase,
 * IoLen, MemBase or MemLen of the driver key the replay assumes, by the value name written in the
 * call. Any other value, or no key assumed, is an unknown call.
 */
final class RegistryValueModel implements ApiModel {

    private static final int ERROR_SUCCESS = 0;

    @Override
    public Value apply(ApiCall call, PathState state, ModelContext context) {
        DeviceWindows windows = context.windows();
        Optional<Long> value = windows.isEmpty() ? Optional.empty()
                : namedValue(call.argument("valueName").text(), windows);
        Optional<StorageKey> buffer = call.argument("data").outTarget();
        context.unknownEffects(call, state);
        if (value.isEmpty() || buffer.isEmpty()) {
            return Value.unknown();
        }
        context.write(state, buffer.get(), Value.of(value.get()));
        return Value.of(ERROR_SUCCESS);
    }

    private static Optional<Long> namedValue(String nameArgument, DeviceWindows windows) {
        String name = nameArgument.toLowerCase(Locale.ROOT);
        if (name.contains("\"iobase\"") && !windows.io().isEmpty()) {
            return Optional.of(windows.io().get(0).base());
        }
        if (name.contains("\"iolen\"") && !windows.io().isEmpty()) {
            return Optional.of(windows.io().get(0).length());
        }
        if (name.contains("\"membase\"") && !windows.memory().isEmpty()) {
            return Optional.of(windows.memory().get(0).base());
        }
        if (name.contains("\"memlen\"") && !windows.memory().isEmpty()) {
            return Optional.of(windows.memory().get(0).length());
        }
        return Optional.empty();
    }
}
