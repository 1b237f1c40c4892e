package dev.cemap.analyzer.project;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.analyzer.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A registry key that loads a driver: it has a {@code Dll} value. Device Manager reads
 * {@code Prefix}, {@code Flags}, {@code Order}, {@code Index}, and CEDDK's
 * {@code DDKReg_GetWindowInfo} reads {@code IoBase}/{@code IoLen} and {@code MemBase}/{@code MemLen}.
 *
 * @param key         the key
 * @param dll         the {@code Dll} value as written ({@code gpio.dll})
 * @param prefix      the three-letter stream prefix, if any
 * @param flags       {@code Flags}, when written as a number
 * @param order       {@code Order}
 * @param index       {@code Index}
 * @param windows     the IoBase/IoLen then MemBase/MemLen windows; every alternative of undecided branches
 * @param condition   when the image has the key with this Dll
 * @param flagsConditional true when Flags comes from an undecided branch
 */
public record DriverKey(RegistryKey key, String dll, Optional<String> prefix, OptionalLong flags,
        OptionalLong order, OptionalLong index, List<Window> windows, Condition condition, boolean flagsConditional) {

    /** Notification id for IoBase/IoLen (MemBase/MemLen) values that do not pair up. */
    public static final String WINDOWS_NOTIFICATION = "registry-windows";

    /** {@code DEVFLAGS_LOAD_AS_USERPROC} (devload.h): load the driver in a user-mode host process. */
    public static final long DEVFLAGS_LOAD_AS_USERPROC = 0x10;

    public DriverKey {
        windows = List.copyOf(windows);
    }

    /** DEVFLAGS_NOLOAD (devload.h): Device Manager does not load the driver, another component may. */
    public static final long DEVFLAGS_NOLOAD = 0x4;

    /** Whether the key, its Dll or its Flags come from a branch the scan cannot decide. */
    public boolean conditional() {
        return !condition.isAlways() || flagsConditional;
    }

    /** Device Manager skips the key ({@code Flags} has DEVFLAGS_NOLOAD). */
    public boolean isNotLoaded() {
        return flags.isPresent() && (flags.getAsLong() & DEVFLAGS_NOLOAD) != 0;
    }

    /** Loaded in a user-mode driver host (udevice.exe) on CE 6 and later. */
    public boolean isUserMode() {
        return flags.isPresent() && (flags.getAsLong() & DEVFLAGS_LOAD_AS_USERPROC) != 0;
    }

    /** Whether {@code Dll} names this module ({@code gpio} matches {@code gpio.dll} and {@code GPIO}). */
    public boolean loads(String moduleName) {
        return baseName(dll).equals(baseName(moduleName));
    }

    public SourceLocation location() {
        return key.location();
    }

    /** {@code Gpio.DLL} → {@code gpio}; also strips a folder ({@code \Windows\gpio.dll}). */
    static String baseName(String dllName) {
        String name = TreePaths.lastComponent(dllName).toLowerCase(Locale.ROOT);
        return name.endsWith(".dll") ? name.substring(0, name.length() - 4) : name;
    }

    /** The driver read from {@code key}, if it has a {@code Dll}; problems with its windows go to {@code notes}. */
    static Optional<DriverKey> of(RegistryKey key, List<Notification> notes) {
        Optional<RegistryValue> dll = key.value("Dll").filter(v -> !v.strings().isEmpty());
        if (dll.isEmpty()) {
            return Optional.empty();
        }
        Optional<RegistryValue> flagsValue = key.value("Flags");
        List<Window> windows = new ArrayList<>();
        windows.addAll(windows(key, "IoBase", "IoLen", notes));
        windows.addAll(windows(key, "MemBase", "MemLen", notes));
        return Optional.of(new DriverKey(key, dll.get().strings().get(0),
                key.value("Prefix").filter(v -> !v.strings().isEmpty()).map(v -> v.strings().get(0)),
                number(flagsValue), number(key.value("Order")), number(key.value("Index")), windows,
                dll.get().condition().and(key.condition()), flagsValue.map(RegistryValue::conditional).orElse(false)));
    }

    private static OptionalLong number(Optional<RegistryValue> value) {
        return value.map(RegistryValue::number).orElse(OptionalLong.empty());
    }

    /**
     * Each definition of the base value paired with the length written in the same branch (else
     * the last length written): {@code #if} blocks that give a driver other windows per board
     * pair up as the image would get them.
     */
    private static List<Window> windows(RegistryKey key, String baseName, String lengthName, List<Notification> notes) {
        List<Window> windows = new ArrayList<>();
        List<RegistryValue> lengths = key.definitions(lengthName);
        for (RegistryValue base : key.definitions(baseName)) {
            Optional<RegistryValue> length = lengths.stream().filter(l -> l.branch().equals(base.branch()))
                    .reduce((first, second) -> second)
                    .or(() -> lengths.isEmpty() ? Optional.empty() : Optional.of(lengths.get(lengths.size() - 1)));
            if (length.isEmpty()) {
                notes.add(problem(base.location(), key.path() + ": " + baseName + " without " + lengthName
                        + "; the driver gets no window from it"));
                continue;
            }
            Optional<List<Long>> parsedBases = numbers(base, notes);
            Optional<List<Long>> parsedSizes = numbers(length.get(), notes);
            if (parsedBases.isEmpty() || parsedSizes.isEmpty()) {
                continue; // already reported: a window from half a list would be a guess
            }
            List<Long> bases = parsedBases.get();
            List<Long> sizes = parsedSizes.get();
            if (bases.size() != sizes.size()) {
                notes.add(problem(base.location(), key.path() + ": " + baseName + " has " + bases.size()
                        + " entries but " + lengthName + " has " + sizes.size()
                        + "; only the first " + Math.min(bases.size(), sizes.size()) + " pair(s) are used"));
            }
            for (int i = 0; i < Math.min(bases.size(), sizes.size()); i++) {
                long windowBase = bases.get(i);
                long windowLength = sizes.get(i);
                // Both branches of an undecided IF often repeat a window: list it once.
                boolean repeated = windows.stream().anyMatch(w -> w.kind().equals(baseName) && w.base() == windowBase
                        && w.length() == windowLength);
                if (windowLength > 0 && !repeated) {
                    windows.add(new Window(baseName, bases.get(i), sizes.get(i), base.location(),
                            base.condition().and(length.get().condition())));
                }
            }
        }
        return windows;
    }

    /**
     * A DWORD is one entry; a (multi-)string holds hex numbers, with or without {@code 0x}. Empty
     * (and reported) when an entry is not a number.
     */
    private static Optional<List<Long>> numbers(RegistryValue value, List<Notification> notes) {
        if (value.number().isPresent()) {
            return Optional.of(List.of(value.number().getAsLong()));
        }
        List<Long> numbers = new ArrayList<>();
        for (String entry : value.strings()) {
            String digits = entry.strip();
            digits = digits.regionMatches(true, 0, "0x", 0, 2) ? digits.substring(2) : digits;
            try {
                numbers.add(Long.parseUnsignedLong(digits, 16));
            } catch (NumberFormatException notHex) {
                notes.add(problem(value.location(), "\"" + value.name() + "\" entry '" + entry
                        + "' is not a hexadecimal number; the value gives no window"));
                return Optional.empty();
            }
        }
        return Optional.of(numbers);
    }

    private static Notification problem(SourceLocation at, String message) {
        return Notification.at(WINDOWS_NOTIFICATION, Level.WARNING, at, message);
    }
}
