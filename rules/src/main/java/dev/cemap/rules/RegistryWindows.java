package dev.cemap.rules;

import dev.cemap.analyzer.project.DriverKey;
import dev.cemap.analyzer.project.ExecutionContext;
import dev.cemap.analyzer.project.Window;
import dev.cemap.analyzer.replay.DeviceWindows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry keys that load a file's code, as the windows the replay answers registry reads with. */
final class RegistryWindows {

    private RegistryWindows() {
    }

    /** One configuration per driver key; none known: the replay reads the registry as unknown. */
    static List<DeviceWindows> of(List<ExecutionContext> contexts) {
        Map<String, DeviceWindows> byKey = new LinkedHashMap<>();
        for (ExecutionContext context : contexts) {
            context.driver().filter(driver -> !driver.windows().isEmpty())
                    .ifPresent(driver -> byKey.putIfAbsent(describe(driver), windowsOf(driver)));
        }
        return byKey.isEmpty() ? List.of(DeviceWindows.NONE) : List.copyOf(byKey.values());
    }

    static String describe(DriverKey driver) {
        return "[" + driver.key().path() + "]";
    }

    private static DeviceWindows windowsOf(DriverKey driver) {
        List<DeviceWindows.Range> io = new ArrayList<>();
        List<DeviceWindows.Range> memory = new ArrayList<>();
        for (Window window : driver.windows()) {
            (window.kind().startsWith("Io") ? io : memory).add(new DeviceWindows.Range(window.base(), window.length()));
        }
        return new DeviceWindows(describe(driver), io, memory);
    }
}
