package dev.cemap.analyzer.replay;

import java.util.List;

/**
 * The IoBase/IoLen and MemBase/MemLen windows of the registry key a driver is loaded from, for
 * the replay to answer {@code DDKReg_GetWindowInfo} and {@code RegQueryValueEx("IoBase")} with
 * the addresses the device will really see.
 *
 * @param description  which key (for messages): {@code [HKLM\Drivers\BuiltIn\GPIO]}
 * @param io           the I/O windows, in registry order
 * @param memory       the memory windows, in registry order
 */
public record DeviceWindows(String description, List<Range> io, List<Range> memory) {

    /** One window: base and length. */
    public record Range(long base, long length) {
    }

    public static final DeviceWindows NONE = new DeviceWindows("", List.of(), List.of());

    public DeviceWindows {
        io = List.copyOf(io);
        memory = List.copyOf(memory);
    }

    public boolean isEmpty() {
        return io.isEmpty() && memory.isEmpty();
    }
}
