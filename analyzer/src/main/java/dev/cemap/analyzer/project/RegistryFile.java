package dev.cemap.analyzer.project;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.analyzer.model.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registry as a BSP's {@code .reg} files write it ({@code platform.reg} with what it
 * {@code #include}s, and any other {@code .reg} file of the tree): keys, values and the drivers
 * they load. Values are parsed the way regedit export files and CE's registry compiler read them:
 * {@code dword:}, strings with {@code \\} and {@code \"} escapes, {@code hex:} bytes,
 * {@code hex(2):} / {@code hex(7):} UTF-16LE (multi-)strings, CE's {@code multi_sz:"a","b"},
 * {@code @=} default values and {@code =-} deletions; {@code [-key]} deletes a key and its subkeys.
 *
 * <p>A line that cannot be read is a {@code registry-syntax} notification with its file and line,
 * and the rest of the file is still read.
 */
public final class RegistryFile {

    /** Notification id for a line of a {@code .reg} file that cannot be read. */
    public static final String SYNTAX = "registry-syntax";

    private static final Pattern KEY = Pattern.compile("^\\[\\s*(-)?\\s*([^\\]]*?)\\s*\\]$");
    private static final Pattern VALUE = Pattern.compile("^(@|\"((?:[^\"\\\\]|\\\\.)*)\")\\s*=\\s*(.*)$");
    private static final Pattern DWORD = Pattern.compile("^dword\\s*:\\s*([0-9A-Fa-f]{1,8})$", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEX = Pattern.compile("^hex(?:\\(\\s*([0-9A-Fa-f]+)\\s*\\))?\\s*:(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MULTI_SZ = Pattern.compile("^multi_sz\\s*:(.*)$", Pattern.CASE_INSENSITIVE);

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
        private KeyBuilder current;
        private boolean currentDeleted;

        void line(BuildFileReader.Line line) {
            String text = line.text();
            if (text.equalsIgnoreCase("REGEDIT4") || text.startsWith("Windows Registry Editor")) {
                return;
            }
            Matcher key = KEY.matcher(text);
            if (key.matches()) {
                startKey(line, key.group(1) != null, normalizeKey(key.group(2)));
                return;
            }
            Matcher value = VALUE.matcher(text);
            if (value.matches()) {
                if (current == null) {
                    if (!currentDeleted) {
                        problem(line, "value outside any [key]");
                    }
                    return;
                }
                String name = value.group(1).equals("@") ? "" : unescape(value.group(2));
                parseData(line, name, value.group(3).strip()).ifPresent(current::add);
                return;
            }
            problem(line, "not a registry key or value: " + abbreviate(text));
        }

        private void startKey(BuildFileReader.Line line, boolean delete, String path) {
            if (path.isEmpty()) {
                problem(line, "empty key name");
                current = null;
                return;
            }
            String identity = path.toLowerCase(Locale.ROOT);
            if (delete) {
                // [-key] removes the key and everything under it; an undecided deletion may not happen.
                for (Map.Entry<String, KeyBuilder> entry : keys.entrySet()) {
                    if (entry.getKey().equals(identity) || entry.getKey().startsWith(identity + "\\")) {
                        entry.getValue().deleted(line.conditional());
                    }
                }
                keys.values().removeIf(KeyBuilder::isGone);
                current = null;
                currentDeleted = true;
                return;
            }
            current = keys.computeIfAbsent(identity, id -> new KeyBuilder(path, line.location()));
            current.opened(line.conditional());
            currentDeleted = false;
        }

        private Optional<RegistryValue> parseData(BuildFileReader.Line line, String name, String data) {
            SourceLocation at = line.location();
            boolean conditional = line.conditional();
            String branch = line.branch();
            if (data.equals("-")) {
                current.deleteValue(name, conditional);
                return Optional.empty();
            }
            if (data.startsWith("\"")) {
                Optional<String> string = quoted(data);
                if (string.isEmpty()) {
                    problem(line, "\"" + name + "\": unterminated string " + abbreviate(data));
                    return Optional.empty();
                }
                return Optional.of(new RegistryValue(name, RegistryValue.Type.STRING, OptionalLong.empty(),
                        List.of(string.get()), data, at, conditional, branch));
            }
            Matcher dword = DWORD.matcher(data);
            if (dword.matches()) {
                return Optional.of(new RegistryValue(name, RegistryValue.Type.DWORD,
                        OptionalLong.of(Long.parseLong(dword.group(1), 16)), List.of(), data, at, conditional, branch));
            }
            Matcher multi = MULTI_SZ.matcher(data);
            if (multi.matches()) {
                Optional<List<String>> strings = quotedList(multi.group(1).strip());
                if (strings.isEmpty()) {
                    problem(line, "\"" + name + "\": multi_sz needs \"string\" entries separated by commas");
                    return Optional.empty();
                }
                return Optional.of(new RegistryValue(name, RegistryValue.Type.MULTI_STRING, OptionalLong.empty(),
                        strings.get(), data, at, conditional, branch));
            }
            Matcher hex = HEX.matcher(data);
            if (hex.matches()) {
                return hexValue(line, name, data, hex.group(1), hex.group(2));
            }
            problem(line, "\"" + name + "\": unknown value data " + abbreviate(data));
            return Optional.empty();
        }

        private Optional<RegistryValue> hexValue(BuildFileReader.Line line, String name, String data, String kind,
                String bytesText) {
            Optional<byte[]> bytes = bytes(bytesText);
            if (bytes.isEmpty()) {
                problem(line, "\"" + name + "\": hex data must be two-digit bytes separated by commas");
                return Optional.empty();
            }
            int type;
            try {
                type = kind == null ? 3 : Integer.parseInt(kind, 16);
            } catch (NumberFormatException tooLong) {
                problem(line, "\"" + name + "\": unknown hex(" + kind + ") type");
                return Optional.empty();
            }
            byte[] b = bytes.get();
            SourceLocation at = line.location();
            return Optional.of(switch (type) {
                case 2 -> new RegistryValue(name, RegistryValue.Type.EXPAND_STRING, OptionalLong.empty(),
                        utf16Strings(b).stream().limit(1).toList(), data, at, line.conditional(), line.branch());
                case 7 -> new RegistryValue(name, RegistryValue.Type.MULTI_STRING, OptionalLong.empty(),
                        utf16Strings(b), data, at, line.conditional(), line.branch());
                case 4 -> b.length == 4
                        ? new RegistryValue(name, RegistryValue.Type.DWORD, OptionalLong.of(littleEndian(b)), List.of(),
                                data, at, line.conditional(), line.branch())
                        : binary(name, data, line);
                case 0xb -> new RegistryValue(name, RegistryValue.Type.QWORD,
                        b.length == 8 ? OptionalLong.of(littleEndian(b)) : OptionalLong.empty(), List.of(), data, at,
                        line.conditional(), line.branch());
                default -> binary(name, data, line);
            });
        }

        private static RegistryValue binary(String name, String data, BuildFileReader.Line line) {
            return new RegistryValue(name, RegistryValue.Type.BINARY, OptionalLong.empty(), List.of(), data,
                    line.location(), line.conditional(), line.branch());
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

    /** A key while it is being read: an undecided [key] or [-key] line makes it conditional. */
    private static final class KeyBuilder {
        private final String path;
        private final SourceLocation location;
        private final List<RegistryValue> values = new ArrayList<>();
        private boolean certain;
        private boolean gone;

        KeyBuilder(String path, SourceLocation location) {
            this.path = path;
            this.location = location;
        }

        void opened(boolean conditional) {
            certain |= !conditional;
            gone = false;
        }

        void add(RegistryValue value) {
            values.add(value);
        }

        void deleted(boolean conditional) {
            if (conditional) {
                certain = false;
            } else {
                gone = true;
            }
        }

        boolean isGone() {
            return gone;
        }

        void deleteValue(String name, boolean conditional) {
            if (!conditional) {
                values.removeIf(v -> v.name().equalsIgnoreCase(name));
            }
        }

        RegistryKey build() {
            return new RegistryKey(path, location, !certain, values);
        }
    }

    /** {@code "a\"b\\c"} → {@code a"b\c}; empty when the string is not closed or text follows it. */
    static Optional<String> quoted(String data) {
        List<String> parts = new ArrayList<>();
        int end = readQuoted(data, 0, parts);
        return end == data.length() ? Optional.of(parts.get(0)) : Optional.empty();
    }

    /** {@code "a","b"} → [a, b]. */
    static Optional<List<String>> quotedList(String data) {
        List<String> strings = new ArrayList<>();
        int i = 0;
        while (i < data.length()) {
            int end = readQuoted(data, i, strings);
            if (end < 0) {
                return Optional.empty();
            }
            i = end;
            while (i < data.length() && Character.isWhitespace(data.charAt(i))) {
                i++;
            }
            if (i < data.length()) {
                if (data.charAt(i) != ',') {
                    return Optional.empty();
                }
                i++;
                while (i < data.length() && Character.isWhitespace(data.charAt(i))) {
                    i++;
                }
            }
        }
        return strings.isEmpty() ? Optional.empty() : Optional.of(strings);
    }

    /** Reads one quoted string at {@code start}; returns the index after its closing quote, or -1. */
    private static int readQuoted(String data, int start, List<String> into) {
        if (start >= data.length() || data.charAt(start) != '"') {
            return -1;
        }
        StringBuilder text = new StringBuilder();
        for (int i = start + 1; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c == '\\' && i + 1 < data.length()) {
                text.append(data.charAt(++i));
            } else if (c == '"') {
                into.add(text.toString());
                return i + 1;
            } else {
                text.append(c);
            }
        }
        return -1;
    }

    private static String unescape(String name) {
        return name.replaceAll("\\\\(.)", "$1");
    }

    /** {@code 01,02, ff} → bytes; empty for anything else. An empty list is no bytes. */
    static Optional<byte[]> bytes(String text) {
        String compact = text.replaceAll("\\s+", "");
        if (compact.isEmpty()) {
            return Optional.of(new byte[0]);
        }
        String[] parts = compact.split(",", -1);
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].matches("[0-9A-Fa-f]{1,2}")) {
                return Optional.empty();
            }
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return Optional.of(bytes);
    }

    /** UTF-16LE strings separated by NUL, up to the double NUL (or the end). */
    static List<String> utf16Strings(byte[] bytes) {
        String text = new String(bytes, 0, bytes.length - bytes.length % 2, StandardCharsets.UTF_16LE);
        List<String> strings = new ArrayList<>();
        for (String part : text.split("\u0000", -1)) {
            if (part.isEmpty()) {
                break; // the terminating empty string
            }
            strings.add(part);
        }
        return strings;
    }

    private static long littleEndian(byte[] bytes) {
        long value = 0;
        for (int i = bytes.length - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[i] & 0xFF);
        }
        return value;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
