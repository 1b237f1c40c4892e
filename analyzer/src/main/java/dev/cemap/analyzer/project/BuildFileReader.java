package dev.cemap.analyzer.project;

import dev.cemap.analyzer.frontend.IntegerExpression;
import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.analyzer.model.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a CE build file ({@code platform.reg}, {@code config.bib}, {@code platform.bib}) the way
 * the makeimg tools do before parsing it: {@code ;} comments, the C preprocessor directives
 * ({@code #define}, {@code #undef}, {@code #if}/{@code #ifdef}/{@code #ifndef}/{@code #elif}/
 * {@code #else}/{@code #endif}, {@code #include}) and cefilter's {@code IF NAME [!]} /
 * {@code ENDIF} lines, {@code $(NAME)} references and, in registry files, {@code \} line
 * continuations.
 *
 * <p>The build's environment is not known: a condition on an unknown name keeps every branch, and
 * the lines inside are marked {@linkplain Line#conditional() conditional}, so the model holds
 * every alternative instead of guessing one. Problems become notifications; nothing throws.
 */
final class BuildFileReader {

    /** Notification id for an {@code #include} whose file is not in the tree. */
    static final String INCLUDE_MISSING = "build-file-include";
    /** Notification id for a build file that cannot be read. */
    static final String UNREADABLE = "build-file-unreadable";

    private static final int MAX_INCLUDE_DEPTH = 8;
    private static final Pattern DIRECTIVE = Pattern.compile("^\\s*#\\s*([A-Za-z]+)\\b\\s*(.*)$");
    private static final Pattern CEFILTER_IF = Pattern.compile("^\\s*IF\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*(!)?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CEFILTER_ENDIF = Pattern.compile("^\\s*ENDIF\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DEFINE = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)(?:\\s+(.*))?$");

    /** How a kind of build file is written. */
    enum Syntax {
        /** {@code .reg}: {@code \} at the end of a line continues it (long {@code hex:} values). */
        REGISTRY("registry-syntax", true),
        /** {@code .bib}: one entry per line. */
        BIB("bib-syntax", false);

        final String notificationId;
        final boolean continuations;

        Syntax(String notificationId, boolean continuations) {
            this.notificationId = notificationId;
            this.continuations = continuations;
        }
    }

    /**
     * One logical line that survives preprocessing.
     *
     * @param location    where it starts
     * @param text        comment removed, continuations joined, {@code $(NAME)} expanded where known
     * @param conditional true when it lies inside a branch whose condition could not be decided
     * @param branch      identity of the innermost enclosing branches, so that values written in
     *                    the same {@code #if} block can be paired (IoBase with its IoLen)
     */
    record Line(SourceLocation location, String text, boolean conditional, String branch) {
    }

    /** The lines of a file with its includes, problems met, and every file read. */
    record Result(List<Line> lines, List<Notification> notifications, Set<Path> filesRead) {
    }

    private enum Truth {
        TRUE, FALSE, UNKNOWN;

        static Truth of(OptionalLong value) {
            return value.isEmpty() ? UNKNOWN : value.getAsLong() != 0 ? TRUE : FALSE;
        }

        static Truth of(Optional<Boolean> value) {
            return value.isEmpty() ? UNKNOWN : value.get() ? TRUE : FALSE;
        }

        Truth not() {
            return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
        }
    }

    /** One open {@code #if} or {@code IF}: which of its branches may be taken so far. */
    private static final class Frame {
        final boolean cefilter;
        final SourceLocation opened;
        Truth current;
        boolean taken;
        boolean maybeTaken;
        int branchIndex;

        Frame(boolean cefilter, SourceLocation opened, Truth first) {
            this.cefilter = cefilter;
            this.opened = opened;
            enter(first);
        }

        void enter(Truth truth) {
            current = truth;
            taken |= truth == Truth.TRUE;
            maybeTaken |= truth == Truth.UNKNOWN;
        }

        /** The next branch ({@code #elif}/{@code #else}): false once one was surely taken. */
        void next(Truth condition) {
            branchIndex++;
            if (taken) {
                current = Truth.FALSE;
            } else if (maybeTaken && condition == Truth.TRUE) {
                current = Truth.UNKNOWN;
                maybeTaken = true;
            } else {
                enter(condition);
            }
        }
    }

    private final Syntax syntax;
    private final BuildVariables variables;
    private final Optional<Path> bspRoot;
    private final List<Line> lines = new ArrayList<>();
    private final List<Notification> notifications = new ArrayList<>();
    private final Set<Path> filesRead = new LinkedHashSet<>();
    private final Deque<Frame> frames = new ArrayDeque<>();

    private BuildFileReader(Syntax syntax, BuildVariables variables, Optional<Path> bspRoot) {
        this.syntax = syntax;
        this.variables = variables;
        this.bspRoot = bspRoot;
    }

    /** Reads {@code file} and what it includes; {@code variables} receives its {@code #define}s. */
    static Result read(Path file, Syntax syntax, BuildVariables variables, Optional<Path> bspRoot) {
        BuildFileReader reader = new BuildFileReader(syntax, variables, bspRoot);
        Path absolute = file.toAbsolutePath().normalize();
        reader.readFile(absolute, 0);
        while (!reader.frames.isEmpty()) {
            Frame open = reader.frames.pop();
            reader.problem(open.opened, (open.cefilter ? "IF" : "#if") + " is never closed"
                    + (open.cefilter ? " by ENDIF" : " by #endif"));
        }
        return new Result(List.copyOf(reader.lines), List.copyOf(reader.notifications), Set.copyOf(reader.filesRead));
    }

    private void readFile(Path file, int depth) {
        if (!filesRead.add(file)) {
            return; // included twice, or an include cycle: the build would loop, the model reads once
        }
        List<String> physical;
        try {
            physical = decode(Files.readAllBytes(file)).lines().toList();
        } catch (IOException | RuntimeException e) {
            notifications.add(Notification.at(UNREADABLE, Level.WARNING, SourceLocation.of(file, 1, 1),
                    "cannot read " + file.getFileName() + " (" + e.getClass().getSimpleName() + "); its entries are unknown"));
            return;
        }
        StringBuilder logical = new StringBuilder();
        int firstLine = 0;
        for (int i = 0; i < physical.size(); i++) {
            String text = withoutComment(physical.get(i));
            if (logical.length() == 0) {
                firstLine = i + 1;
            }
            String trimmed = text.stripTrailing();
            if (syntax.continuations && trimmed.endsWith("\\") && !isDirective(logical, trimmed)) {
                logical.append(trimmed, 0, trimmed.length() - 1);
                continue;
            }
            logical.append(text);
            logicalLine(SourceLocation.of(file, firstLine, 1), logical.toString(), depth);
            logical.setLength(0);
        }
        if (logical.length() > 0) {
            logicalLine(SourceLocation.of(file, firstLine, 1), logical.toString(), depth);
        }
    }

    /** A key such as {@code [HKEY_LOCAL_MACHINE\Drivers\]} is not continued; neither are directives. */
    private static boolean isDirective(StringBuilder pending, String line) {
        return pending.length() == 0 && (line.stripLeading().startsWith("#") || line.stripLeading().startsWith("["));
    }

    private void logicalLine(SourceLocation at, String text, int depth) {
        if (text.isBlank()) {
            return;
        }
        Matcher directive = DIRECTIVE.matcher(text);
        if (directive.matches()) {
            directive(at, directive.group(1).toLowerCase(Locale.ROOT), directive.group(2).strip(), depth);
            return;
        }
        Matcher cefilterIf = CEFILTER_IF.matcher(text);
        if (cefilterIf.matches()) {
            Truth set = Truth.of(variables.isSet(cefilterIf.group(1)));
            frames.push(new Frame(true, at, cefilterIf.group(2) != null ? set.not() : set));
            return;
        }
        if (CEFILTER_ENDIF.matcher(text).matches()) {
            close(at, true);
            return;
        }
        if (isActive()) {
            lines.add(new Line(at, variables.expand(text.strip()), isConditional(), branch()));
        }
    }

    private void directive(SourceLocation at, String name, String argument, int depth) {
        switch (name) {
            case "if" -> frames.push(new Frame(false, at, isActive() ? condition(argument) : Truth.FALSE));
            case "ifdef" -> frames.push(new Frame(false, at,
                    isActive() ? Truth.of(variables.isDefined(argument.strip())) : Truth.FALSE));
            case "ifndef" -> frames.push(new Frame(false, at,
                    isActive() ? Truth.of(variables.isDefined(argument.strip())).not() : Truth.FALSE));
            case "elif" -> {
                Frame frame = innermost(at, "#elif", false);
                if (frame != null) {
                    frame.next(condition(argument));
                }
            }
            case "else" -> {
                Frame frame = innermost(at, "#else", false);
                if (frame != null) {
                    frame.next(Truth.TRUE);
                }
            }
            case "endif" -> close(at, false);
            case "define" -> {
                if (isActive()) {
                    define(at, argument);
                }
            }
            case "undef" -> {
                if (isActive()) {
                    variables.undefine(argument.strip(), !isConditional());
                }
            }
            case "include" -> {
                if (isActive()) {
                    include(at, argument, depth);
                }
            }
            case "pragma", "error", "warning", "line" -> {
                // No effect on what the file declares.
            }
            default -> problem(at, "unknown directive #" + name);
        }
    }

    private Truth condition(String expression) {
        String text = expression.replaceAll("//.*$", "").strip();
        return Truth.of(IntegerExpression.evaluate(variables.expand(text), variables));
    }

    private void define(SourceLocation at, String argument) {
        Matcher define = DEFINE.matcher(argument);
        if (!define.matches()) {
            problem(at, "#define needs a macro name");
            return;
        }
        String value = define.group(2) == null ? "1" : define.group(2).strip();
        variables.define(define.group(1), value.isEmpty() ? "1" : value, !isConditional());
    }

    /**
     * {@code #include "file"}: the including file's folder first, then the BSP root and its
     * {@code FILES} folder (where {@code $(_TARGETPLATROOT)\FILES\…} points); every name in any case.
     */
    private void include(SourceLocation at, String argument, int depth) {
        String name = variables.expand(argument.strip().replaceAll("^[<\"]|[>\"]$", "").strip());
        if (depth >= MAX_INCLUDE_DEPTH) {
            problem(at, "#include nested more than " + MAX_INCLUDE_DEPTH + " deep; " + name + " not read");
            return;
        }
        Optional<Path> found = locate(at.file().getParent(), name);
        if (found.isEmpty()) {
            notifications.add(Notification.at(INCLUDE_MISSING, Level.NOTE, at, "#include " + name
                    + " is not in the scanned tree; what it declares is unknown"));
            return;
        }
        readFile(found.get().toAbsolutePath().normalize(), depth + 1);
    }

    private Optional<Path> locate(Path folder, String name) {
        if (name.contains("$(")) {
            return Optional.empty();
        }
        String slashed = name.replace('\\', '/');
        try {
            Path asPath = Path.of(slashed);
            if (asPath.isAbsolute()) {
                // $(_TARGETPLATROOT) expands to the BSP folder, so absolute paths inside it resolve.
                return Files.isRegularFile(asPath) ? Optional.of(asPath) : resolveFromRoot(asPath);
            }
        } catch (java.nio.file.InvalidPathException notAPath) {
            return Optional.empty();
        }
        Optional<Path> local = TreePaths.resolve(folder, slashed).filter(Files::isRegularFile);
        if (local.isPresent() || bspRoot.isEmpty()) {
            return local;
        }
        return TreePaths.resolve(bspRoot.get(), slashed).filter(Files::isRegularFile)
                .or(() -> TreePaths.child(bspRoot.get(), "FILES")
                        .flatMap(files -> TreePaths.resolve(files, slashed)).filter(Files::isRegularFile));
    }

    /** An absolute name under the BSP root that differs from the tree only in case. */
    private Optional<Path> resolveFromRoot(Path absolute) {
        if (bspRoot.isEmpty() || !absolute.toString().toLowerCase(Locale.ROOT)
                .startsWith(bspRoot.get().toString().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        String rest = absolute.toString().substring(bspRoot.get().toString().length());
        return TreePaths.resolve(bspRoot.get(), rest).filter(Files::isRegularFile);
    }

    private Frame innermost(SourceLocation at, String directive, boolean cefilter) {
        Frame frame = frames.peek();
        if (frame == null || frame.cefilter != cefilter) {
            problem(at, directive + " without a matching " + (cefilter ? "IF" : "#if"));
            return null;
        }
        return frame;
    }

    private void close(SourceLocation at, boolean cefilter) {
        if (innermost(at, cefilter ? "ENDIF" : "#endif", cefilter) != null) {
            frames.pop();
        }
    }

    private boolean isActive() {
        return frames.stream().noneMatch(frame -> frame.current == Truth.FALSE);
    }

    private boolean isConditional() {
        return frames.stream().anyMatch(frame -> frame.current == Truth.UNKNOWN);
    }

    private String branch() {
        List<Frame> outermostFirst = new ArrayList<>(frames);
        java.util.Collections.reverse(outermostFirst);
        return outermostFirst.stream().map(f -> f.opened.line() + "." + f.branchIndex).collect(Collectors.joining("/"));
    }

    private void problem(SourceLocation at, String message) {
        notifications.add(Notification.at(syntax.notificationId, Level.WARNING, at,
                at.file().getFileName() + ":" + at.line() + ": " + message));
    }

    /**
     * {@code ;} starts a comment outside double quotes. A registry string may hold {@code ;}
     * ({@code "Name"="a;b"}), and {@code \"} inside one does not end it.
     */
    static String withoutComment(String line) {
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
