package dev.cemap.analyzer.project;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.analyzer.model.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registry as a BSP's {@code .reg} files write it ({@code platform.reg} with what it
 * {@code #include}s, and any other {@code .reg} file of the tree): keys, values and the drivers
 * they load. Values are parsed the way regedit export files and CE's registry compiler read them:
 * {@code dword:}, strings with {@code \\} and {@code \"} escapes, {@code hex:} bytes,
 * {@code hex(2):} / {@code hex(7):} UTF-16LE (multi-)strings, CE's {@code multi_sz:"a","b"} and {@code mui_sz:},
 * {@code @=} default values and {@code =-} deletions; {@code [-key]} deletes a key and its subkeys.
 * Every key and value carries the {@link Condition} under which the image has it (the undecided
 * {@code #if}/{@code IF} around it, less the deletions that may remove it).
 *
 * <p>A line that cannot be read is a {@code registry-syntax} notification with its file and line,
 * and the rest of the file is still read.
 */
public final class RegistryFile {

    /** Notification id for a line of a {@code .reg} file that cannot be read. */
    public static final String SYNTAX = "registry-syntax";

    private static final Pattern KEY = Pattern.compile("^\\[\\s*(-)?\\s*([^\\]]*?)\\s*\\]$");
    private static final Pattern VALUE = Pattern.compile("^(@|\"((?:[^\"\\\\]|\\\\.)*)\")\\s*=\\s*(.*)$");

    private final Map<String, RegistryKey> keys;
    private final List<DriverKey> drivers;
    private final List<Notification> notifications;
    private final Set<Path> filesRead;

    private RegistryFile(Map<String, RegistryKey> keys, List<DriverKey> drivers, List<Notification> notifications,
            Set<Path> filesRead) {
        this.keys = keys;
        this.drivers = List.copyOf(drivers);
        this.notifications = List.copyOf(notifications);
        this.filesRead = Set.copyOf(filesRead);
    }

    /** Reads one file (and its includes) with the {@code -D} macros known; never throws. */
    public static RegistryFile parse(Path file, Map<String, String> defines) {
        return parseAll(List.of(file), defines, Optional.empty());
    }

    /**
     * Reads several files into one registry, in order: a later file's values for the same key
     * come after the earlier ones, as when the build merges them. A file already read through
     * another's {@code #include} is not read twice.
     *
     * @param bspRoot where {@code $(_TARGETPLATROOT)} points, if known
     */
    public static RegistryFile parseAll(List<Path> files, Map<String, String> defines, Optional<Path> bspRoot) {
        Builder builder = new Builder();
        Set<Path> read = new LinkedHashSet<>();
        BuildVariables variables = new BuildVariables(defines, bspRoot);
        for (Path file : files) {
            Path absolute = file.toAbsolutePath().normalize();
            if (read.contains(absolute)) {
                continue;
            }
            BuildFileReader.Result result = BuildFileReader.read(absolute, BuildFileReader.Syntax.REGISTRY,
                    variables.copy(), bspRoot);
            read.addAll(result.filesRead());
            builder.notifications.addAll(result.notifications());
            result.lines().forEach(builder::line);
        }
        return builder.build(read);
    }

    /** Every key, in the order first written. */
    public Collection<RegistryKey> keys() {
        return keys.values();
    }

    /** A key by path, case-insensitive ({@code HKLM\…} and {@code HKEY_LOCAL_MACHINE\…} are the same). */
    public Optional<RegistryKey> key(String path) {
        return Optional.ofNullable(keys.get(normalizeKey(path).toLowerCase(Locale.ROOT)));
    }

    /** The keys with a {@code Dll} value, in order. */
    public List<DriverKey> drivers() {
        return drivers;
    }

    public List<Notification> notifications() {
        return notifications;
    }

    /** Every file read, includes too. */
    public Set<Path> filesRead() {
        return filesRead;
    }

    /** {@code HKLM\x} → {@code HKEY_LOCAL_MACHINE\x}; separators and blanks tidied. */
    static String normalizeKey(String path) {
        String tidy = path.strip().replace('/', '\\').replaceAll("\\\\+", "\\\\");
        if (tidy.endsWith("\\")) {
            tidy = tidy.substring(0, tidy.length() - 1);
        }
        String[] roots = {"HKLM", "HKCU", "HKCR", "HKU"};
        String[] full = {"HKEY_LOCAL_MACHINE", "HKEY_CURRENT_USER", "HKEY_CLASSES_ROOT", "HKEY_USERS"};
        for (int i = 0; i < roots.length; i++) {
            if (tidy.equalsIgnoreCase(roots[i]) || tidy.regionMatches(true, 0, roots[i] + "\\", 0, roots[i].length() + 1)) {
                return full[i] + tidy.substring(roots[i].length());
            }
        }
        return tidy;
    }

    /** Collects keys and values line by line. */
    private static final class Builder {
        private final Map<String, KeyBuilder> keys = new LinkedHashMap<>();
        private final List<Notification> notifications = new ArrayList<>();
        /** The keys values go to, each with the condition of its {@code [key]} line. */
        private final List<Map.Entry<KeyBuilder, Condition>> current = new ArrayList<>();
        private SourceLocation currentLocation;
        private boolean currentDeleted;

        void line(BuildFileReader.Line line) {
            String text = line.text();
            if (text.equalsIgnoreCase("REGEDIT4") || text.startsWith("Windows Registry Editor")) {
                return;
            }
            Matcher key = KEY.matcher(text);
            if (key.matches()) {
                // One [key] line read under several configurations comes as several lines at one place.
                if (!line.location().equals(currentLocation)) {
                    current.clear();
                    currentDeleted = false;
                }
                currentLocation = line.location();
                startKey(line, key.group(1) != null, normalizeKey(key.group(2)));
                return;
            }
            currentLocation = null;
            Matcher value = VALUE.matcher(text);
            if (value.matches()) {
                if (current.isEmpty()) {
                    if (!currentDeleted) {
                        problem(line, "value outside any [key]");
                    }
                    return;
                }
                String name = value.group(1).equals("@") ? "" : unescape(value.group(2));
                String data = value.group(3).strip();
                for (Map.Entry<KeyBuilder, Condition> open : current) {
                    Condition condition = line.condition().and(open.getValue());
                    if (data.equals("-")) {
                        open.getKey().deleteValue(name, condition);
                    } else {
                        RegistryData.parse(name, data, line, condition, message -> problem(line, message))
                                .ifPresent(open.getKey()::add);
                    }
                }
                return;
            }
            problem(line, "not a registry key or value: " + RegistryData.abbreviate(text));
        }

        private void startKey(BuildFileReader.Line line, boolean delete, String path) {
            if (path.isEmpty()) {
                problem(line, "empty key name");
                return;
            }
            String identity = path.toLowerCase(Locale.ROOT);
            if (delete) {
                // [-key] removes the key and everything under it, where its condition holds.
                for (Map.Entry<String, KeyBuilder> entry : keys.entrySet()) {
                    if (entry.getKey().equals(identity) || entry.getKey().startsWith(identity + "\\")) {
                        entry.getValue().deleted(line.condition());
                    }
                }
                keys.values().removeIf(KeyBuilder::isGone);
                currentDeleted = true;
                return;
            }
            KeyBuilder key = keys.computeIfAbsent(identity, id -> new KeyBuilder(path, line.location()));
            key.opened(line.condition());
            current.add(Map.entry(key, line.condition()));
        }

        private void problem(BuildFileReader.Line line, String message) {
            SourceLocation at = line.location();
            notifications.add(Notification.at(SYNTAX, Level.WARNING, at,
                    at.file().getFileName() + ":" + at.line() + ": " + message));
        }

        RegistryFile build(Set<Path> filesRead) {
            Map<String, RegistryKey> built = new LinkedHashMap<>();
            keys.forEach((identity, key) -> built.put(identity, key.build()));
            List<Notification> notes = new ArrayList<>(notifications);
            List<DriverKey> drivers = new ArrayList<>();
            for (RegistryKey key : built.values()) {
                DriverKey.of(key, notes).ifPresent(drivers::add);
            }
            return new RegistryFile(built, drivers, notes, filesRead);
        }
    }

    /** A key while it is being read: when the image has it, and its values with their conditions. */
    private static final class KeyBuilder {
        private final String path;
        private final SourceLocation location;
        private final List<RegistryValue> values = new ArrayList<>();
        private Condition present = Condition.NEVER;

        KeyBuilder(String path, SourceLocation location) {
            this.path = path;
            this.location = location;
        }

        void opened(Condition condition) {
            present = present.or(condition);
        }

        void add(RegistryValue value) {
            values.add(value);
        }

        /** {@code [-key]} under {@code condition}: the key and its values stay only where it does not hold. */
        void deleted(Condition condition) {
            present = present.and(condition.not());
            restrict(value -> true, condition);
        }

        boolean isGone() {
            return !present.isPossible();
        }

        /** {@code "Name"=-} under {@code condition}. */
        void deleteValue(String name, Condition condition) {
            restrict(value -> value.name().equalsIgnoreCase(name), condition);
        }

        private void restrict(java.util.function.Predicate<RegistryValue> which, Condition deletion) {
            Condition kept = deletion.not();
            List<RegistryValue> remaining = new ArrayList<>();
            for (RegistryValue value : values) {
                Condition condition = which.test(value) ? value.condition().and(kept) : value.condition();
                if (condition.isPossible()) {
                    remaining.add(condition.equals(value.condition()) ? value : new RegistryValue(value.name(),
                            value.type(), value.number(), value.strings(), value.dataText(), value.location(),
                            condition, value.branch()));
                }
            }
            values.clear();
            values.addAll(remaining);
        }

        RegistryKey build() {
            return new RegistryKey(path, location, present, values);
        }
    }

    private static String unescape(String name) {
        return name.replaceAll("\\\\(.)", "$1");
    }
}
