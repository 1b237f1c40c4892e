package dev.cemap.analyzer.project;

import dev.cemap.analyzer.frontend.PathResolver;
import dev.cemap.analyzer.frontend.SourcesFile;
import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.analyzer.model.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads OEMAddressTable rows from assembler sources the way the assembler would, in both dialects
 * CE BSPs use:
 *
 * <ul>
 * <li>ARM ({@code armasm}): a column-0 label {@code g_oalAddressTable}, then {@code DCD virtual,
 *     physical, megabytes} lines; conditionals {@code IF}/{@code [}, {@code ELSE}/{@code |},
 *     {@code ENDIF}/{@code ]}, {@code ELIF}, with {@code :DEF:}, {@code :LNOT:}, {@code :LAND:},
 *     {@code :LOR:}; symbols from {@code EQU}, {@code *}, {@code SETL}/{@code SETA}; files from
 *     {@code INCLUDE}/{@code GET};</li>
 * <li>x86 ({@code ml}): the label {@code _OEMAddressTable:}, then {@code dd} values, three per row,
 *     the size in bytes (the x86 kernel does not shift it), a row may span lines; {@code IF},
 *     {@code IFDEF}, {@code IFNDEF}, {@code ELSEIF}, {@code ELSE}, {@code ENDIF}, {@code EQU} and
 *     {@code =}, {@code INCLUDE}; hexadecimal written {@code 80000000h}.</li>
 * </ul>
 * A symbol the build defines from its environment is unknown: the rows under a condition on it are
 * kept, each with that condition, and every table label (a BSP may hold one table per memory part
 * and pick one at boot) is kept apart.
 */
final class AssemblyAddressTable {

    private static final long MEGABYTE = 0x100000L;
    private static final int MAX_INCLUDE_DEPTH = 8;

    private final BuildVariables variables;
    private final BuildConditions conditions;
    private final ConditionalBlocks blocks = new ConditionalBlocks();
    private final Path projectRoot;
    private final PathResolver resolver = new PathResolver();
    private final List<OemAddressTable.Row> rows = new ArrayList<>();
    private final List<Notification> notes = new ArrayList<>();
    private final Set<Path> filesRead = new LinkedHashSet<>();
    /** The table being read: its label, or null outside a table. */
    private String table;
    /** Values of a row read so far: a row may span {@code dd} lines. */
    private final List<List<BuildConditions.Number>> pending = new ArrayList<>();
    private SourceLocation rowStart;
    private long unitBytes;

    private AssemblyAddressTable(Map<String, String> defines, Path projectRoot) {
        this.variables = new BuildVariables(defines, Optional.empty());
        this.conditions = new BuildConditions(variables);
        this.projectRoot = projectRoot;
    }

    /**
     * @param projectRoot bounds the {@code sources} file whose include folders {@code INCLUDE} searches
     * @param defines     the scan's {@code -D} macros: known symbols
     */
    static OemAddressTable read(Path file, Path projectRoot, Map<String, String> defines) {
        AssemblyAddressTable reader = new AssemblyAddressTable(defines, projectRoot);
        reader.readFile(file.toAbsolutePath().normalize(), 0);
        reader.endTable();
        return OemAddressTable.of(reader.rows, reader.notes);
    }

    private void readFile(Path file, int depth) {
        if (!filesRead.add(file)) {
            return;
        }
        List<String> lines;
        try {
            lines = BuildFileReader.decode(Files.readAllBytes(file)).lines().toList();
        } catch (IOException | RuntimeException e) {
            notes.add(Notification.at(BuildFileReader.UNREADABLE, Level.WARNING, SourceLocation.of(file, 1, 1),
                    "cannot read " + file.getFileName() + " (" + e.getClass().getSimpleName()
                            + "); its address table is unknown"));
            return;
        }
        int openedBefore = blocks.depth();
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            int semicolon = raw.indexOf(';');
            String text = (semicolon < 0 ? raw : raw.substring(0, semicolon)).stripTrailing();
            if (!text.isBlank()) {
                line(SourceLocation.of(file, i + 1, 1), text, depth);
            }
        }
        for (ConditionalBlocks.Block open : blocks.unwindTo(openedBefore)) {
            notes.add(OemAddressTable.problem(open.opened, "IF is never closed by ENDIF"));
        }
    }

    private void line(SourceLocation at, String text, int depth) {
        boolean columnZero = !Character.isWhitespace(text.charAt(0));
        List<String> words = words(text.strip());
        String first = words.get(0);
        String keyword = first.toUpperCase(Locale.ROOT);
        if (conditional(at, keyword, rest(text, first))) {
            return;
        }
        if (!blocks.isActive()) {
            return;
        }
        String second = words.size() > 1 ? words.get(1).toUpperCase(Locale.ROOT) : "";
        switch (keyword) {
            case "INCLUDE", "GET" -> include(at, rest(text, first), depth);
            case "DCD", "DCDU" -> data(at, rest(text, first), MEGABYTE);
            case "DD" -> data(at, rest(text, first), 1);
            case "END" -> endTable();
            default -> {
                if (second.equals("EQU") || second.equals("*") || second.equals("=") || second.equals("SETL")
                        || second.equals("SETA")) {
                    symbol(first, rest(rest(text, first), words.get(1)).strip(), second);
                } else if (keyword.equals("GBLL") || keyword.equals("GBLA")) {
                    variables.define(rest(text, first).strip(), "0", blocks.current());
                } else if (first.endsWith(":") || columnZero) {
                    label(first.endsWith(":") ? first.substring(0, first.length() - 1) : first, at,
                            text.strip().substring(first.length()).strip());
                } else if (table != null && !keyword.equals("ALIGN") && !keyword.equals("EXPORT")) {
                    endTable(); // an instruction or another directive ends the data
                }
            }
        }
    }

    /** The conditional directives of both dialects; true when the line was one. */
    private boolean conditional(SourceLocation at, String keyword, String argument) {
        switch (keyword) {
            case "IF", "[" -> blocks.open(ConditionalBlocks.Kind.PREPROCESSOR, at, blocks.isActive()
                    ? conditions.preprocessor(asCExpression(argument)) : Condition.NEVER);
            case "IFDEF" -> blocks.open(ConditionalBlocks.Kind.PREPROCESSOR, at, blocks.isActive()
                    ? conditions.defined(argument.strip()) : Condition.NEVER);
            case "IFNDEF" -> blocks.open(ConditionalBlocks.Kind.PREPROCESSOR, at, blocks.isActive()
                    ? conditions.defined(argument.strip()).not() : Condition.NEVER);
            case "ELIF", "ELSEIF" -> nextBranch(at, keyword, blocks.isEnclosingActive()
                    ? conditions.preprocessor(asCExpression(argument)) : Condition.NEVER);
            case "ELSE", "|" -> nextBranch(at, keyword, Condition.ALWAYS);
            case "ENDIF", "]" -> {
                if (!blocks.close(ConditionalBlocks.Kind.PREPROCESSOR)) {
                    notes.add(OemAddressTable.problem(at, keyword + " without a matching IF"));
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void nextBranch(SourceLocation at, String keyword, Condition condition) {
        if (!blocks.nextBranch(ConditionalBlocks.Kind.PREPROCESSOR, condition)) {
            notes.add(OemAddressTable.problem(at, keyword + " without a matching IF"));
        }
    }

    /**
     * armasm and MASM operators written as C: {@code :DEF: X} is {@code defined X}, {@code =} a
     * comparison, {@code {TRUE}} 1; {@code &80000000} and {@code 80000000h} are hexadecimal.
     */
    static String asCExpression(String expression) {
        StringBuilder out = new StringBuilder();
        for (String word : words(expression.replace(":", " : "))) {
            out.append(' ').append(switch (word.toUpperCase(Locale.ROOT)) {
                case "DEF" -> "defined";
                case "LNOT", "NOT" -> "!";
                case "LAND", "AND" -> "&&";
                case "LOR", "OR" -> "||";
                case "=", "EQ" -> "==";
                case "<>", "/=", "NE" -> "!=";
                case "GT" -> ">";
                case "LT" -> "<";
                case "GE" -> ">=";
                case "LE" -> "<=";
                case "{TRUE}" -> "1";
                case "{FALSE}" -> "0";
                case ":" -> "";
                default -> hexLiterals(word);
            });
        }
        return out.toString().strip();
    }

    /** {@code &80000000} (armasm) and {@code 80000000h} (MASM) rewritten as C hexadecimal. */
    static String hexLiterals(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end = i;
            while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                end++;
            }
            if (c == '&' && i + 1 < text.length() && Character.digit(text.charAt(i + 1), 16) >= 0) {
                int digits = i + 1;
                while (digits < text.length() && Character.digit(text.charAt(digits), 16) >= 0) {
                    digits++;
                }
                out.append("0x").append(text, i + 1, digits);
                i = digits;
            } else if (end > i + 1 && Character.isDigit(c) && (text.charAt(end - 1) == 'h' || text.charAt(end - 1) == 'H')
                    && text.substring(i, end - 1).chars().allMatch(d -> Character.digit(d, 16) >= 0)) {
                out.append("0x").append(text, i, end - 1);
                i = end;
            } else if (end > i) {
                out.append(text, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private void symbol(String name, String value, String how) {
        String text = how.equals("SETL") ? (value.equalsIgnoreCase("{TRUE}") ? "1" : "0") : asCExpression(value);
        variables.define(name, text, blocks.current());
    }

    private void label(String name, SourceLocation at, String restOfLine) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean tableLabel = lower.startsWith("g_oaladdresstable") || lower.startsWith("oemaddresstable")
                || lower.startsWith("_oemaddresstable");
        if (tableLabel) {
            table = name;
            pending.clear();
        } else if (pending.isEmpty()) {
            table = null; // the next label ends the table; one inside a row (x86 names the size field) does not
        }
        List<String> words = words(restOfLine);
        if (table != null && !words.isEmpty()) {
            String directive = words.get(0).toUpperCase(Locale.ROOT);
            if (directive.equals("DCD") || directive.equals("DD")) {
                data(at, rest(restOfLine, words.get(0)), directive.equals("DD") ? 1 : MEGABYTE);
            }
        }
    }

    private void data(SourceLocation at, String operands, long unit) {
        if (table == null) {
            return;
        }
        for (String operand : operands.split(",")) {
            if (pending.isEmpty()) {
                rowStart = at;
                unitBytes = unit;
            }
            List<BuildConditions.Number> values = conditions.numbers(asCExpression(operand), blocks.current());
            if (values.isEmpty()) {
                notes.add(OemAddressTable.problem(at, "cannot evaluate '" + operand.strip() + "'; the row is ignored"));
                pending.clear();
                return;
            }
            pending.add(values);
            if (pending.size() == 3) {
                row();
            }
        }
    }

    /** Every combination of the three values' alternatives is one row under its condition. */
    private void row() {
        boolean anyRow = false;
        for (BuildConditions.Number va : pending.get(0)) {
            for (BuildConditions.Number pa : pending.get(1)) {
                for (BuildConditions.Number size : pending.get(2)) {
                    Condition when = va.when().and(pa.when()).and(size.when());
                    if (when.isPossible() && size.value() != 0) {
                        rows.add(new OemAddressTable.Row(va.value() & 0xFFFFFFFFL, pa.value() & 0xFFFFFFFFL,
                                (size.value() & 0xFFFFFFFFL) * unitBytes, rowStart, table + " in "
                                        + rowStart.file().getFileName(), when));
                        anyRow = true;
                    }
                }
            }
        }
        pending.clear();
        if (!anyRow) {
            table = null; // the row of zeros ends the table
        }
    }

    private void endTable() {
        if (!pending.isEmpty()) {
            notes.add(OemAddressTable.problem(rowStart, "an address table row is three values: virtual, physical, size; "
                    + "this one has " + pending.size()));
        }
        table = null;
        pending.clear();
    }

    private void include(SourceLocation at, String argument, int depth) {
        String name = argument.strip().replaceAll("^[<\"]|[>\"]$", "").replace('\\', '/');
        if (name.isEmpty() || depth >= MAX_INCLUDE_DEPTH) {
            return;
        }
        Path folder = at.file().getParent();
        Optional<Path> found = resolver.resolve(folder, name).filter(Files::isRegularFile);
        if (found.isEmpty()) {
            for (Path dir : SourcesFile.nearest(at.file(), projectRoot).map(SourcesFile::includeDirs).orElse(List.of())) {
                found = resolver.resolve(dir, name).filter(Files::isRegularFile);
                if (found.isPresent()) {
                    break;
                }
            }
        }
        found.ifPresent(file -> readFile(file.toAbsolutePath().normalize(), depth + 1));
    }

    /** The text after the first occurrence of {@code word}. */
    private static String rest(String text, String word) {
        int at = text.indexOf(word);
        return at < 0 ? "" : text.substring(at + word.length());
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.strip().split("[\\s,]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words.isEmpty() ? List.of("") : words;
    }
}
