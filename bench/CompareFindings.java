import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares cemap's SARIF with the defects the benchmark generator planted: how many were reported
 * at their line with their rule, which were missed, and what else was reported. A benchmark that
 * got fast by no longer finding anything must show it.
 *
 * <pre>java bench/CompareFindings.java TREE/bench-expected.tsv REPORT.sarif [--list]</pre>
 *
 * Exit status 0 whatever the outcome; the numbers are the result.
 */
public final class CompareFindings {

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java bench/CompareFindings.java EXPECTED.tsv REPORT.sarif [--list]");
            System.exit(2);
        }
        boolean list = args.length > 2 && args[2].equals("--list");
        Set<String> expected = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] cells = line.split("\t");
                expected.add(cells[0] + ":" + cells[1] + " " + cells[2]);
            }
        }
        Set<String> reported = new TreeSet<>(reported(Path.of(args[1])));
        Set<String> found = new TreeSet<>(expected);
        found.retainAll(reported);
        Set<String> missed = new TreeSet<>(expected);
        missed.removeAll(reported);
        Set<String> other = new TreeSet<>(reported);
        other.removeAll(expected);
        System.out.printf("planted defects reported: %d of %d; missed: %d; other findings: %d%n",
                found.size(), expected.size(), missed.size(), other.size());
        System.out.println("  by rule (reported/planted): " + byRule(expected, found));
        if (list) {
            missed.forEach(m -> System.out.println("  missed: " + m));
            other.forEach(o -> System.out.println("  other:  " + o));
        }
    }

    private static Map<String, String> byRule(Set<String> expected, Set<String> found) {
        Map<String, int[]> counts = new TreeMap<>();
        for (String e : expected) {
            counts.computeIfAbsent(e.substring(e.lastIndexOf(' ') + 1), r -> new int[2])[1]++;
        }
        for (String f : found) {
            counts.get(f.substring(f.lastIndexOf(' ') + 1))[0]++;
        }
        Map<String, String> text = new LinkedHashMap<>();
        counts.forEach((rule, c) -> text.put(rule, c[0] + "/" + c[1]));
        return text;
    }

    /** "uri:line rule" of every result's first location. */
    @SuppressWarnings("unchecked")
    private static List<String> reported(Path sarif) throws IOException {
        Map<String, Object> log = (Map<String, Object>) new Json(Files.readString(sarif, StandardCharsets.UTF_8)).value();
        List<String> results = new ArrayList<>();
        for (Object run : (List<Object>) log.get("runs")) {
            List<Object> runResults = (List<Object>) ((Map<String, Object>) run).get("results");
            if (runResults == null) {
                continue;
            }
            for (Object r : runResults) {
                Map<String, Object> result = (Map<String, Object>) r;
                Map<String, Object> location = (Map<String, Object>) ((List<Object>) result.get("locations")).get(0);
                Map<String, Object> physical = (Map<String, Object>) location.get("physicalLocation");
                String uri = (String) ((Map<String, Object>) physical.get("artifactLocation")).get("uri");
                Object line = ((Map<String, Object>) physical.get("region")).get("startLine");
                results.add(uri.replace("%20", " ") + ":" + ((Number) line).longValue() + " " + result.get("ruleId"));
            }
        }
        return results;
    }

    /** Just enough JSON for a SARIF log: objects, arrays, strings, numbers, literals. */
    static final class Json {
        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Object value() {
            skipSpace();
            char c = text.charAt(at);
            if (c == '{') {
                Map<String, Object> object = new LinkedHashMap<>();
                at++;
                skipSpace();
                if (text.charAt(at) == '}') {
                    at++;
                    return object;
                }
                while (true) {
                    skipSpace();
                    String key = string();
                    skipSpace();
                    at++; // ':'
                    object.put(key, value());
                    skipSpace();
                    if (text.charAt(at++) == '}') {
                        return object;
                    }
                }
            }
            if (c == '[') {
                List<Object> array = new ArrayList<>();
                at++;
                skipSpace();
                if (text.charAt(at) == ']') {
                    at++;
                    return array;
                }
                while (true) {
                    array.add(value());
                    skipSpace();
                    if (text.charAt(at++) == ']') {
                        return array;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            int start = at;
            while (at < text.length() && ",}] \t\r\n".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            String literal = text.substring(start, at);
            return switch (literal) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "null" -> null;
                default -> Double.parseDouble(literal);
            };
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            at++; // opening quote
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char e = text.charAt(at++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
