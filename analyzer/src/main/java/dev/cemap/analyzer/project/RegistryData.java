package dev.cemap.analyzer.project;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data of one {@code "Name"=data} line, as regedit export files and CE's registry compiler
 * read it: {@code dword:}, strings with {@code \\} and {@code \"} escapes, {@code hex:} bytes,
 * {@code hex(2):} / {@code hex(7):} UTF-16LE (multi-)strings, CE's {@code multi_sz:"a","b"} and
 * {@code mui_sz:"netmui.dll,#9003"} (a string resource of a MUI DLL).
 */
final class RegistryData {

    private static final Pattern DWORD = Pattern.compile("^dword\\s*:\\s*([0-9A-Fa-f]{1,8})$", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEX = Pattern.compile("^hex(?:\\(\\s*([0-9A-Fa-f]+)\\s*\\))?\\s*:(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STRING_LIST = Pattern.compile("^(multi_sz|mui_sz)\\s*:(.*)$", Pattern.CASE_INSENSITIVE);

    private final String name;
    private final String data;
    private final BuildFileReader.Line line;
    private final Condition condition;
    private final Consumer<String> problems;

    private RegistryData(String name, String data, BuildFileReader.Line line, Condition condition,
            Consumer<String> problems) {
        this.name = name;
        this.data = data;
        this.line = line;
        this.condition = condition;
        this.problems = problems;
    }

    /**
     * The value written by {@code line}; empty (and a problem reported) when its data cannot be read.
     *
     * @param condition when the image gets the value: the line's, and the key's when it is conditional
     */
    static Optional<RegistryValue> parse(String name, String data, BuildFileReader.Line line, Condition condition,
            Consumer<String> problems) {
        return new RegistryData(name, data, line, condition, problems).parse();
    }

    private Optional<RegistryValue> parse() {
        if (data.startsWith("\"")) {
            Optional<String> string = quoted(data);
            if (string.isEmpty()) {
                return problem("unterminated string " + abbreviate(data));
            }
            return value(RegistryValue.Type.STRING, OptionalLong.empty(), List.of(string.get()));
        }
        Matcher dword = DWORD.matcher(data);
        if (dword.matches()) {
            return value(RegistryValue.Type.DWORD, OptionalLong.of(Long.parseLong(dword.group(1), 16)), List.of());
        }
        Matcher list = STRING_LIST.matcher(data);
        if (list.matches()) {
            Optional<List<String>> strings = quotedList(list.group(2).strip());
            if (strings.isEmpty()) {
                return problem(list.group(1) + " needs \"string\" entries separated by commas");
            }
            boolean mui = list.group(1).equalsIgnoreCase("mui_sz");
            return value(mui ? RegistryValue.Type.STRING : RegistryValue.Type.MULTI_STRING, OptionalLong.empty(),
                    mui ? strings.get().subList(0, 1) : strings.get());
        }
        Matcher hex = HEX.matcher(data);
        if (hex.matches()) {
            return hexValue(hex.group(1), hex.group(2));
        }
        return problem("unknown value data " + abbreviate(data));
    }

    private Optional<RegistryValue> hexValue(String kind, String bytesText) {
        Optional<byte[]> bytes = bytes(bytesText);
        if (bytes.isEmpty()) {
            return problem("hex data must be two-digit bytes separated by commas");
        }
        int type;
        try {
            type = kind == null ? 3 : Integer.parseInt(kind, 16);
        } catch (NumberFormatException tooLong) {
            return problem("unknown hex(" + kind + ") type");
        }
        byte[] b = bytes.get();
        return switch (type) {
            case 2 -> value(RegistryValue.Type.EXPAND_STRING, OptionalLong.empty(), utf16Strings(b).stream().limit(1).toList());
            case 7 -> value(RegistryValue.Type.MULTI_STRING, OptionalLong.empty(), utf16Strings(b));
            case 4 -> b.length == 4 ? value(RegistryValue.Type.DWORD, OptionalLong.of(littleEndian(b)), List.of())
                    : value(RegistryValue.Type.BINARY, OptionalLong.empty(), List.of());
            case 0xb -> value(RegistryValue.Type.QWORD, b.length == 8 ? OptionalLong.of(littleEndian(b))
                    : OptionalLong.empty(), List.of());
            default -> value(RegistryValue.Type.BINARY, OptionalLong.empty(), List.of());
        };
    }

    private Optional<RegistryValue> value(RegistryValue.Type type, OptionalLong number, List<String> strings) {
        return Optional.of(new RegistryValue(name, type, number, strings, data, line.location(), condition, line.branch()));
    }

    private Optional<RegistryValue> problem(String message) {
        problems.accept("\"" + name + "\": " + message);
        return Optional.empty();
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
            i = skipBlanks(data, end);
            if (i < data.length()) {
                if (data.charAt(i) != ',') {
                    return Optional.empty();
                }
                i = skipBlanks(data, i + 1);
            }
        }
        return strings.isEmpty() ? Optional.empty() : Optional.of(strings);
    }

    private static int skipBlanks(String data, int from) {
        int i = from;
        while (i < data.length() && Character.isWhitespace(data.charAt(i))) {
            i++;
        }
        return i;
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

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
