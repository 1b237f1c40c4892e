package dev.cemap.analyzer.project;

import dev.cemap.analyzer.frontend.PathResolver;
import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.analyzer.model.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a CE build file ({@code platform.reg}, {@code config.bib}, {@code platform.bib}) the way
 * makeimg's tools do before parsing it: comments and continuations ({@link LogicalLines}), the C
 * preprocessor directives ({@code #define}, {@code #undef}, {@code #if}/{@code #ifdef}/
 * {@code #ifndef}/{@code #elif}/{@code #else}/{@code #endif}, {@code #include}, also of C headers
 * such as {@code image_cfg.h}), romimage's and cefilter's {@code IF NAME [!]} / {@code IF NAME=VALUE}
 * / {@code ELSE} / {@code ENDIF [NAME]} lines, and {@code $(NAME)} references.
 *
 * <p>The build's environment is not known: a condition on an unknown name keeps every branch, and
 * each line carries the {@link Condition} under which the image gets it, so the model holds every
 * configuration instead of guessing one. Problems become notifications; nothing throws.
 */
final class BuildFileReader {

    /** Notification id for an {@code #include} whose file is not in the tree. */
    static final String INCLUDE_MISSING = "build-file-include";
    /** Notification id for a build file that cannot be read. */
    static final String UNREADABLE = "build-file-unreadable";

    private static final int MAX_INCLUDE_DEPTH = 8;
    private static final Pattern DIRECTIVE = Pattern.compile("^\\s*#\\s*([A-Za-z]+)\\b\\s*(.*)$");
    private static final Pattern NAME = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)(?:\\s+(.*))?$");
    private static final Set<String> HEADER_EXTENSIONS = Set.of("h", "hpp", "hxx", "inc");

    /** How a kind of build file is written. */
    enum Syntax {
        /** {@code .reg}: {@code \} and a trailing {@code ,} continue values. */
        REGISTRY("registry-syntax"),
        /** {@code .bib}: one entry per line. */
        BIB("bib-syntax");

        final String notificationId;

        Syntax(String notificationId) {
            this.notificationId = notificationId;
        }
    }

    /**
     * One logical line that survives preprocessing; a line with {@code $(NAME)}s of several
     * values is one {@code Line} per value.
     *
     * @param location  where it starts
     * @param text      comment removed, continuations joined, {@code $(NAME)} expanded where known
     * @param condition when the image gets it; {@link Condition#ALWAYS} when always
     * @param branch    identity of the innermost enclosing branches, so that values written in the
     *                  same {@code #if} block can be paired (IoBase with its IoLen)
     */
    record Line(SourceLocation location, String text, Condition condition, String branch) {

        /** Inside a branch the scan cannot decide. */
        boolean conditional() {
            return !condition.isAlways();
        }
    }

    /** The lines of a file with its includes, problems met, and every file read. */
    record Result(List<Line> lines, List<Notification> notifications, Set<Path> filesRead) {
    }

    private final Syntax syntax;
    private final BuildVariables variables;
    private final BuildConditions conditions;
    private final Optional<Path> bspRoot;
    private final PathResolver resolver = new PathResolver();
    private final ConditionalBlocks blocks = new ConditionalBlocks();
    private final List<Line> lines = new ArrayList<>();
    private final List<Notification> notifications = new ArrayList<>();
    private final Set<Path> filesRead = new LinkedHashSet<>();

    private BuildFileReader(Syntax syntax, BuildVariables variables, Optional<Path> bspRoot) {
        this.syntax = syntax;
        this.variables = variables;
        this.conditions = new BuildConditions(variables);
        this.bspRoot = bspRoot;
    }

    /** Reads {@code file} and what it includes; {@code variables} receives its {@code #define}s. */
    static Result read(Path file, Syntax syntax, BuildVariables variables, Optional<Path> bspRoot) {
        BuildFileReader reader = new BuildFileReader(syntax, variables, bspRoot);
        reader.readFile(file.toAbsolutePath().normalize(), 0);
        return new Result(List.copyOf(reader.lines), List.copyOf(reader.notifications), Set.copyOf(reader.filesRead));
    }

    private void readFile(Path file, int depth) {
        if (!filesRead.add(file)) {
            return; // included twice, or an include cycle: the build would loop, the model reads once
        }
        String text;
        try {
            text = decode(Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            notifications.add(Notification.at(UNREADABLE, Level.WARNING, SourceLocation.of(file, 1, 1),
                    "cannot read " + file.getFileName() + " (" + e.getClass().getSimpleName() + "); its entries are unknown"));
            return;
        }
        boolean header = HEADER_EXTENSIONS.contains(ProjectWalk.extension(file));
        int openedBefore = blocks.depth();
        List<LogicalLines.Line> logical = LogicalLines.of(text, syntax, header);
        for (int i = 0; i < logical.size(); i++) {
            LogicalLines.Line line = logical.get(i);
            if (!line.text().isBlank()) {
                logicalLine(SourceLocation.of(file, line.number(), 1), line.text(), header, depth,
                        logical.subList(i + 1, logical.size()));
            }
        }
        for (ConditionalBlocks.Block open : blocks.unwindTo(openedBefore)) {
            problem(open.opened, open.kind.opening + " is never closed by " + open.kind.closing);
        }
    }

    private void logicalLine(SourceLocation at, String text, boolean header, int depth, List<LogicalLines.Line> rest) {
        Matcher directive = DIRECTIVE.matcher(text);
        if (directive.matches()) {
            directive(at, directive.group(1).toLowerCase(Locale.ROOT), directive.group(2).strip(), depth, rest);
            return;
        }
        if (!header && cefilterLine(at, text)) {
            return;
        }
        if (blocks.isActive() && !header) {
            // A C header is read for its #defines: its declarations are not build-file lines.
            for (BuildVariables.Expansion expansion : variables.expand(text.strip(), blocks.current())) {
                lines.add(new Line(at, expansion.text(), expansion.when(), blocks.branch()));
            }
        }
    }

    /** romimage's {@code IF …}, {@code ELSE …}, {@code ENDIF …}: words after ELSE and ENDIF are comments. */
    private boolean cefilterLine(SourceLocation at, String text) {
        String stripped = text.strip();
        int blank = indexOfBlank(stripped);
        String keyword = (blank < 0 ? stripped : stripped.substring(0, blank)).toUpperCase(Locale.ROOT);
        String rest = blank < 0 ? "" : stripped.substring(blank).strip();
        switch (keyword) {
            case "IF" -> {
                if (rest.isEmpty()) {
                    problem(at, "IF needs a variable name");
                }
                blocks.open(ConditionalBlocks.Kind.CEFILTER, at, blocks.isActive() && !rest.isEmpty()
                        ? conditions.cefilter(rest) : Condition.NEVER);
            }
            case "ELSE" -> {
                if (!blocks.nextBranch(ConditionalBlocks.Kind.CEFILTER, Condition.ALWAYS)) {
                    problem(at, "ELSE without a matching IF");
                }
            }
            case "ENDIF" -> {
                if (!blocks.close(ConditionalBlocks.Kind.CEFILTER)) {
                    problem(at, "ENDIF without a matching IF");
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static int indexOfBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private void directive(SourceLocation at, String name, String argument, int depth, List<LogicalLines.Line> rest) {
        boolean active = blocks.isActive();
        switch (name) {
            case "if" -> blocks.open(ConditionalBlocks.Kind.PREPROCESSOR, at,
                    active ? conditions.preprocessor(argument) : Condition.NEVER);
            case "ifdef" -> blocks.open(ConditionalBlocks.Kind.PREPROCESSOR, at,
                    active ? conditions.defined(firstWord(argument)) : Condition.NEVER);
            case "ifndef" -> blocks.open(ConditionalBlocks.Kind.PREPROCESSOR, at,
                    active ? notDefined(firstWord(argument), rest) : Condition.NEVER);
            case "elif" -> branch(at, "#elif", blocks.isEnclosingActive() ? conditions.preprocessor(argument)
                    : Condition.NEVER);
            case "else" -> branch(at, "#else", Condition.ALWAYS);
            case "endif" -> {
                if (!blocks.close(ConditionalBlocks.Kind.PREPROCESSOR)) {
                    problem(at, "#endif without a matching #if");
                }
            }
            case "define" -> {
                if (active) {
                    define(at, argument);
                }
            }
            case "undef" -> {
                if (active) {
                    variables.undefine(firstWord(argument), blocks.current());
                }
            }
            case "include" -> {
                if (active) {
                    include(at, argument, depth);
                }
            }
            case "pragma", "error", "warning", "line" -> {
                // No effect on what the file declares.
            }
            default -> problem(at, "unknown directive #" + name);
        }
    }

    private void branch(SourceLocation at, String directive, Condition condition) {
        if (!blocks.nextBranch(ConditionalBlocks.Kind.PREPROCESSOR, condition)) {
            problem(at, directive + " without a matching #if");
        }
    }

    /**
     * {@code #ifndef X} directly followed by {@code #define X} is an include guard: the header is
     * read once, and X is no build switch.
     */
    private Condition notDefined(String name, List<LogicalLines.Line> rest) {
        Optional<LogicalLines.Line> next = rest.stream().filter(line -> !line.text().isBlank()).findFirst();
        if (next.isPresent()) {
            Matcher directive = DIRECTIVE.matcher(next.get().text());
            if (directive.matches() && directive.group(1).equalsIgnoreCase("define")
                    && firstWord(directive.group(2)).equals(name) && variables.text(name).isEmpty()) {
                return Condition.ALWAYS;
            }
        }
        return conditions.defined(name).not();
    }

    private static String firstWord(String argument) {
        String stripped = argument.strip();
        int blank = indexOfBlank(stripped);
        return blank < 0 ? stripped : stripped.substring(0, blank);
    }

    private void define(SourceLocation at, String argument) {
        Matcher define = NAME.matcher(argument);
        if (!define.matches()) {
            problem(at, "#define needs a macro name");
            return;
        }
        String value = define.group(2) == null ? "" : define.group(2).strip();
        // A bare #define X makes X defined; $(X) of it reads 1, as the build's -DX would.
        variables.define(define.group(1), value.isEmpty() ? "1" : value, blocks.current());
    }

    /**
     * {@code #include "file"}: the including file's folder first, then the BSP root and its
     * {@code FILES} folder; every name in any case. A path that differs by configuration
     * ({@code $(NAME)} of several values) is read once per value, under its condition.
     */
    private void include(SourceLocation at, String argument, int depth) {
        String written = argument.strip();
        boolean system = written.startsWith("<");
        String unquoted = written.replaceAll("^[<\"]|[>\"]$", "").strip();
        for (BuildVariables.Expansion expansion : variables.expand(unquoted, blocks.current())) {
            String name = expansion.text();
            if (depth >= MAX_INCLUDE_DEPTH) {
                problem(at, "#include nested more than " + MAX_INCLUDE_DEPTH + " deep; " + name + " not read");
                return;
            }
            Optional<Path> found = locate(at.file().getParent(), name);
            if (found.isEmpty()) {
                if (!system) {
                    notifications.add(Notification.at(INCLUDE_MISSING, Level.NOTE, at, "#include " + name
                            + " is not in the scanned tree; what it declares is unknown"));
                }
                continue;
            }
            blocks.open(ConditionalBlocks.Kind.INCLUDE, at, expansion.when());
            int depthBefore = blocks.depth() - 1;
            readFile(found.get().toAbsolutePath().normalize(), depth + 1);
            blocks.unwindTo(depthBefore);
        }
    }

    private Optional<Path> locate(Path folder, String name) {
        if (name.contains("$(")) {
            return Optional.empty();
        }
        String slashed = name.replace('\\', '/');
        try {
            Path asPath = Path.of(slashed);
            if (asPath.isAbsolute()) {
                // $(_TARGETPLATROOT) and the other roots expand to folders of the tree.
                return resolver.existing(asPath).filter(Files::isRegularFile);
            }
        } catch (InvalidPathException notAPath) {
            return Optional.empty();
        }
        Optional<Path> local = resolver.resolve(folder, slashed).filter(Files::isRegularFile);
        if (local.isPresent() || bspRoot.isEmpty()) {
            return local;
        }
        return resolver.resolve(bspRoot.get(), slashed).filter(Files::isRegularFile)
                .or(() -> resolver.child(bspRoot.get(), "FILES")
                        .flatMap(files -> resolver.resolve(files, slashed)).filter(Files::isRegularFile));
    }

    private void problem(SourceLocation at, String message) {
        notifications.add(Notification.at(syntax.notificationId, Level.WARNING, at,
                at.file().getFileName() + ":" + at.line() + ": " + message));
    }

    /** UTF-16 with a byte-order mark (regedit's export format), UTF-8, else windows-1252. */
    static String decode(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        java.nio.charset.CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        try {
            return utf8.decode(java.nio.ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            return new String(bytes, java.nio.charset.Charset.forName("windows-1252"));
        }
    }
}
