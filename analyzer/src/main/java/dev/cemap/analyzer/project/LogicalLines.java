package dev.cemap.analyzer.project;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a build file into logical lines the way its tool reads it: comments removed, continued
 * lines joined, each line numbered where it starts.
 *
 * <ul>
 * <li>{@code .bib} (romimage's {@code GetNextLine}): {@code ;} ends a line, then {@code //}, and
 *     {@code /* … *}{@code /} comments may span lines;</li>
 * <li>{@code .reg}: {@code ;} outside double quotes ends a line; {@code \} at the end continues it
 *     ({@code hex:} values), and so does a {@code ,} after a value ({@code multi_sz:"a",} with
 *     {@code "b"} on the next line, as BSPs write long {@code IClass} lists);</li>
 * <li>a C header {@code #include}d by either ({@code image_cfg.h}): C comments, {@code \} continues a
 *     directive; a header read for a {@code .bib} also loses what follows {@code ;}, as romimage
 *     reads it.</li>
 * </ul>
 */
final class LogicalLines {

    /** One logical line: where it starts and its text. */
    record Line(int number, String text) {
    }

    private LogicalLines() {
    }

    static List<Line> of(String text, BuildFileReader.Syntax syntax, boolean header) {
        List<String> physical = text.lines().toList();
        List<Line> lines = new ArrayList<>();
        StringBuilder logical = new StringBuilder();
        boolean[] inBlockComment = {false};
        int first = 0;
        for (int i = 0; i < physical.size(); i++) {
            String stripped = withoutComments(physical.get(i), syntax, header, inBlockComment);
            if (logical.length() == 0) {
                first = i + 1;
            }
            String trimmed = stripped.stripTrailing();
            if (continues(logical, trimmed, syntax, header)) {
                logical.append(trimmed.endsWith("\\") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
                if (trimmed.endsWith("\\") && header) {
                    logical.append(' ');
                }
                continue;
            }
            logical.append(stripped);
            lines.add(new Line(first, logical.toString()));
            logical.setLength(0);
        }
        if (logical.length() > 0) {
            lines.add(new Line(first, logical.toString()));
        }
        return lines;
    }

    /** Whether the next physical line belongs to this logical one. */
    private static boolean continues(StringBuilder pending, String line, BuildFileReader.Syntax syntax, boolean header) {
        String start = (pending.length() == 0 ? line : pending.toString()).stripLeading();
        boolean directive = start.startsWith("#");
        if (line.endsWith("\\")) {
            // C continues directives; a registry file continues values, never a [key] or a directive.
            return header ? directive : syntax == BuildFileReader.Syntax.REGISTRY && !directive && !start.startsWith("[");
        }
        return syntax == BuildFileReader.Syntax.REGISTRY && !header && line.endsWith(",") && !directive
                && !start.startsWith("[") && (pending.length() > 0 || start.startsWith("\"") || start.startsWith("@"));
    }

    private static String withoutComments(String line, BuildFileReader.Syntax syntax, boolean header,
            boolean[] inBlockComment) {
        if (syntax == BuildFileReader.Syntax.REGISTRY && !header) {
            return withoutRegistryComment(line);
        }
        String text = line;
        if (syntax == BuildFileReader.Syntax.BIB) {
            int semicolon = text.indexOf(';');
            text = semicolon < 0 ? text : text.substring(0, semicolon);
        }
        return withoutCComments(text, inBlockComment);
    }

    /** {@code //} and {@code /* *}{@code /} outside double quotes; a block comment may span lines. */
    private static String withoutCComments(String line, boolean[] inBlockComment) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inBlockComment[0]) {
                if (line.startsWith("*/", i)) {
                    inBlockComment[0] = false;
                    i++;
                    out.append(' ');
                }
            } else if (c == '"') {
                quoted = !quoted;
                out.append(c);
            } else if (!quoted && line.startsWith("//", i)) {
                break;
            } else if (!quoted && line.startsWith("/*", i)) {
                inBlockComment[0] = true;
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * {@code ;} starts a comment outside double quotes. A registry string may hold {@code ;}
     * ({@code "Name"="a;b"}), and {@code \"} inside one does not end it.
     */
    static String withoutRegistryComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && quoted && i + 1 < line.length()) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
