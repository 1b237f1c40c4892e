package dev.cemap.analyzer.frontend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variable assignments of an NMAKE-syntax file ({@code sources}, {@code sources.cmn}): lines
 * joined at a trailing {@code \}, {@code #} comments removed ({@code ^#} is a literal {@code #}),
 * {@code NAME=value} assignments with {@code $(NAME)} expanded when assigned, {@code !INCLUDE}
 * followed. Conditionals ({@code !IF} …) are not evaluated: every branch is read and the last
 * assignment wins, which is what matters for include folders and macros.
 *
 * <p>A reference that cannot be expanded is kept as a marker, so that the one list entry that
 * depends on it can be dropped later and the rest of the list still used.
 */
final class NmakeVariables {

    /** Where a variable was last assigned. */
    record Origin(Path file, int line) {
    }

    private static final Pattern ASSIGNMENT = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=(.*)$", Pattern.DOTALL);
    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([^)]*)\\)");
    private static final Pattern INCLUDE = Pattern.compile("^\\s*!\\s*include\\s+(.+)$", Pattern.CASE_INSENSITIVE);
    private static final char MARK = '\u0000';
    private static final int MAX_INCLUDE_DEPTH = 8;

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, Origin> origins = new HashMap<>();
    private final Function<String, Optional<String>> environment;
    private final PathResolver resolver;

    /** @param environment values of variables never assigned in the files (the build's roots) */
    NmakeVariables(Function<String, Optional<String>> environment, PathResolver resolver) {
        this.environment = environment;
        this.resolver = resolver;
    }

    /** Reads the assignments of {@code file} on top of those already read. */
    void read(Path file) throws IOException {
        read(file, 0);
    }

    /** The expanded value; unexpandable references are still marked (see {@link #unresolvedIn}). */
    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    Map<String, String> values() {
        return values;
    }

    Optional<Origin> origin(String name) {
        return Optional.ofNullable(origins.get(name));
    }

    /** The first variable in {@code text} that could not be expanded. */
    static Optional<String> unresolvedIn(String text) {
        int start = text.indexOf(MARK);
        if (start < 0) {
            return Optional.empty();
        }
        int end = text.indexOf(MARK, start + 1);
        return Optional.of(text.substring(start + 1, end < 0 ? text.length() : end));
    }

    /** The text with unexpanded references written back as {@code $(NAME)}, for people to read. */
    static String readable(String text) {
        return text.replaceAll(MARK + "([^" + MARK + "]*)" + MARK, Matcher.quoteReplacement("$(") + "$1)");
    }

    private void read(Path file, int depth) throws IOException {
        String text = SourceDecoder.decode(Files.readAllBytes(file)).text();
        String[] lines = text.split("\\r?\\n|\\r", -1);
        StringBuilder logical = new StringBuilder();
        int firstLine = 0;
        for (int i = 0; i < lines.length; i++) {
            if (logical.length() == 0) {
                firstLine = i + 1;
            }
            String line = withoutComment(lines[i]);
            String trimmed = line.stripTrailing();
            if (trimmed.endsWith("\\")) {
                logical.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            logical.append(line);
            statement(logical.toString(), new Origin(file, firstLine), depth);
            logical.setLength(0);
        }
        if (logical.length() > 0) {
            statement(logical.toString(), new Origin(file, firstLine), depth);
        }
    }

    private void statement(String text, Origin origin, int depth) throws IOException {
        Matcher include = INCLUDE.matcher(text);
        if (include.matches()) {
            includeFile(include.group(1).strip(), origin, depth);
            return;
        }
        Matcher assignment = ASSIGNMENT.matcher(text);
        if (assignment.matches()) {
            String name = assignment.group(1);
            values.put(name, expand(assignment.group(2).strip(), name));
            origins.put(name, origin);
        }
    }

    /** {@code !INCLUDE file} / {@code !INCLUDE <file>}; a file that is not in the tree is skipped. */
    private void includeFile(String argument, Origin origin, int depth) throws IOException {
        if (depth >= MAX_INCLUDE_DEPTH) {
            return;
        }
        String name = expand(argument.replaceAll("^[<\"]|[>\"]$", ""), "");
        if (unresolvedIn(name).isPresent()) {
            return;
        }
        Path folder = origin.file().getParent();
        Optional<Path> found = Path.of(name.replace('\\', '/')).isAbsolute()
                ? resolver.existing(Path.of(name.replace('\\', '/')))
                : resolver.resolve(folder, name);
        if (found.isPresent() && Files.isRegularFile(found.get())) {
            read(found.get(), depth + 1);
        }
    }

    /**
     * Expands {@code $(NAME)} from earlier assignments, then from the environment. A variable that
     * refers to itself before it has a value ({@code INCLUDES=$(INCLUDES);..\inc}) starts empty.
     */
    private String expand(String raw, String assigned) {
        Matcher reference = REFERENCE.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (reference.find()) {
            String name = reference.group(1).strip();
            String replacement = values.get(name);
            if (replacement == null) {
                replacement = environment.apply(name)
                        .orElse(name.equals(assigned) ? "" : MARK + name + MARK);
            }
            reference.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        reference.appendTail(out);
        return out.toString();
    }

    private static String withoutComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || line.charAt(i - 1) != '^')) {
                return line.substring(0, i).replace("^#", "#");
            }
        }
        return line.replace("^#", "#");
    }

    /** Splits a {@code ;}-separated list, dropping empty entries. */
    static List<String> splitList(String value) {
        List<String> entries = new ArrayList<>();
        for (String entry : value.split(";")) {
            String trimmed = entry.strip();
            if (!trimmed.isEmpty()) {
                entries.add(trimmed);
            }
        }
        return entries;
    }
}
