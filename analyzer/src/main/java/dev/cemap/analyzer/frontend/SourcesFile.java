package dev.cemap.analyzer.frontend;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.analyzer.model.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
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
 * A CE build {@code sources} file (NMAKE syntax): the include folders and macros a driver is
 * compiled with, and what it is built as. Like the build, the nearest {@code sources.cmn} between
 * the BSP root and the {@code sources} folder is read first, and its {@code _ISVINCPATH} and
 * {@code _OEMINCPATH} folders are searched after {@code INCLUDES}.
 */
public final class SourcesFile {

    /** Notification id for an include folder or macro of a {@code sources} file that was dropped. */
    public static final String UNRESOLVED_ENTRY = "sources-entry-unresolved";

    private static final List<String> INCLUDE_VARIABLES = List.of("INCLUDES", "_ISVINCPATH", "_OEMINCPATH");
    private static final Pattern DEFINE = Pattern.compile("^[-/]D(.*)$");

    private final Path path;
    private final Map<String, String> variables;
    private final List<Path> includeDirs;
    private final Map<String, String> cdefines;
    private final List<Notification> notifications;

    private SourcesFile(Path path, Map<String, String> variables, List<Path> includeDirs,
            Map<String, String> cdefines, List<Notification> notifications) {
        this.path = path;
        this.variables = Map.copyOf(variables);
        this.includeDirs = List.copyOf(includeDirs);
        this.cdefines = Collections.unmodifiableMap(new LinkedHashMap<>(cdefines));
        this.notifications = List.copyOf(notifications);
    }

    /**
     * The {@code sources} file (any case) of the folder of {@code sourceFile} or of its nearest
     * ancestor inside {@code scanRoot}; empty when there is none or it cannot be read.
     */
    public static Optional<SourcesFile> nearest(Path sourceFile, Path scanRoot) {
        return nearest(sourceFile, scanRoot, new PathResolver());
    }

    /** Reads one {@code sources} file; {@code scanRoot} bounds where include folders may be. */
    public static Optional<SourcesFile> read(Path sourcesFile, Path scanRoot) {
        return read(sourcesFile, scanRoot, new PathResolver());
    }

    /** How far above a file outside the scanned folder its {@code sources} file may be. */
    private static final int MAX_LEVELS_OUTSIDE_ROOT = 3;

    /** @param scanRoot {@code null}: search up to the file-system root */
    static Optional<SourcesFile> nearest(Path sourceFile, Path scanRoot, PathResolver resolver) {
        Path root = scanRoot == null ? null : scanRoot.toAbsolutePath().normalize();
        Path file = sourceFile.toAbsolutePath().normalize();
        if (root != null && !file.startsWith(root)) {
            // A library of the BSP the scanned code links, outside the scanned folder: its own
            // sources file, a few folders up at most.
            root = null;
            for (Path folder = file.getParent(); folder != null; folder = folder.getParent()) {
                Optional<Path> sources = resolver.child(folder, "sources").filter(Files::isRegularFile);
                if (sources.isPresent()) {
                    return read(sources.get(), null, resolver);
                }
                if (file.getParent().getNameCount() - folder.getNameCount() >= MAX_LEVELS_OUTSIDE_ROOT) {
                    break;
                }
            }
            return Optional.empty();
        }
        for (Path folder = file.getParent(); folder != null; folder = folder.getParent()) {
            if (root != null && !folder.startsWith(root)) {
                break;
            }
            Optional<Path> sources = resolver.child(folder, "sources").filter(Files::isRegularFile);
            if (sources.isPresent()) {
                return read(sources.get(), root, resolver);
            }
        }
        return Optional.empty();
    }

    static Optional<SourcesFile> read(Path sourcesFile, Path scanRoot, PathResolver resolver) {
        Path file = sourcesFile.toAbsolutePath().normalize();
        Path folder = file.getParent();
        Path root = scanRoot == null ? null : scanRoot.toAbsolutePath().normalize();
        BuildRoots roots = new BuildRoots(folder, root, resolver);
        NmakeVariables nmake = new NmakeVariables(name -> environment(name, roots), resolver);
        try {
            Optional<Path> common = commonFile(folder, roots, resolver);
            if (common.isPresent()) {
                nmake.read(common.get());
            }
            nmake.read(file);
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
        List<Notification> notes = new ArrayList<>();
        List<Path> includeDirs = includeDirs(nmake, folder, roots, resolver, notes);
        Map<String, String> defines = cdefines(nmake, notes);
        Map<String, String> readable = new LinkedHashMap<>();
        nmake.values().forEach((name, value) -> readable.put(name, NmakeVariables.readable(value)));
        return Optional.of(new SourcesFile(file, readable, includeDirs, defines, notes));
    }

    public Path path() {
        return path;
    }

    /** INCLUDES, then {@code _ISVINCPATH} and {@code _OEMINCPATH}: the folders that exist, in order. */
    public List<Path> includeDirs() {
        return includeDirs;
    }

    /** The {@code -D}/{@code /D} macros of CDEFINES, in order; a macro without a value is {@code 1}. */
    public Map<String, String> cdefines() {
        return cdefines;
    }

    /** TARGETTYPE upper-cased ({@code DYNLINK}, {@code LIBRARY}, {@code PROGRAM} …); empty when not set. */
    public String targetType() {
        return variable("TARGETTYPE").map(v -> v.strip().toUpperCase(Locale.ROOT)).orElse("");
    }

    /** TARGETNAME; empty when not set. */
    public String targetName() {
        return variable("TARGETNAME").map(String::strip).orElse("");
    }

    /** Any variable after expansion ({@code RELEASETYPE}, {@code SOURCES} …); unknown references read {@code $(NAME)}. */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    /** Include folders and macros that could not be resolved and were dropped (NOTE level), one per entry. */
    public List<Notification> notifications() {
        return notifications;
    }

    private static Optional<String> environment(String name, BuildRoots roots) {
        if (name.equalsIgnoreCase("_TGTPLAT")) {
            return roots.targetPlatformName();
        }
        return roots.folder(name).map(Path::toString);
    }

    /** The nearest {@code sources.cmn} from the sources folder up to the BSP root (or the scan root). */
    private static Optional<Path> commonFile(Path folder, BuildRoots roots, PathResolver resolver) {
        Optional<Path> top = roots.folder("_TARGETPLATROOT");
        for (Path p = folder; p != null && roots.isInside(p); p = p.getParent()) {
            Optional<Path> common = resolver.child(p, "sources.cmn").filter(Files::isRegularFile);
            if (common.isPresent()) {
                return common;
            }
            if (top.isPresent() && p.equals(top.get())) {
                break;
            }
        }
        return Optional.empty();
    }

    private static List<Path> includeDirs(NmakeVariables nmake, Path folder, BuildRoots roots,
            PathResolver resolver, List<Notification> notes) {
        Set<Path> dirs = new LinkedHashSet<>();
        for (String variable : INCLUDE_VARIABLES) {
            Optional<String> value = nmake.value(variable);
            if (value.isEmpty()) {
                continue;
            }
            for (String entry : NmakeVariables.splitList(value.get())) {
                Optional<String> unresolved = NmakeVariables.unresolvedIn(entry);
                if (unresolved.isPresent()) {
                    notes.add(note(nmake, variable, entry, "$(" + unresolved.get() + ") is not known inside the scanned tree"));
                    continue;
                }
                // A relative entry such as ..\inc is honoured wherever it points: scanning one
                // driver folder of a BSP must still see the BSP's shared headers.
                Optional<Path> dir = folderOf(entry, folder, resolver).filter(Files::isDirectory);
                if (dir.isPresent()) {
                    dirs.add(dir.get());
                } else {
                    notes.add(note(nmake, variable, entry, "no such folder"));
                }
            }
        }
        return new ArrayList<>(dirs);
    }

    private static Optional<Path> folderOf(String entry, Path folder, PathResolver resolver) {
        String slashed = entry.replace('"', ' ').strip().replace('\\', '/');
        try {
            Path asPath = Path.of(slashed);
            return asPath.isAbsolute() ? resolver.existing(asPath) : resolver.resolve(folder, slashed);
        } catch (InvalidPathException notAPath) {
            return Optional.empty();
        }
    }

    private static Map<String, String> cdefines(NmakeVariables nmake, List<Notification> notes) {
        Map<String, String> defines = new LinkedHashMap<>();
        Optional<String> value = nmake.value("CDEFINES");
        if (value.isEmpty()) {
            return defines;
        }
        List<String> tokens = tokens(value.get());
        for (int i = 0; i < tokens.size(); i++) {
            Matcher define = DEFINE.matcher(tokens.get(i));
            if (!define.matches()) {
                continue;
            }
            String body = define.group(1);
            if (body.isEmpty() && i + 1 < tokens.size()) {
                body = tokens.get(++i);
            }
            Optional<String> unresolved = NmakeVariables.unresolvedIn(body);
            if (unresolved.isPresent()) {
                notes.add(note(nmake, "CDEFINES", body, "$(" + unresolved.get() + ") is not known"));
                continue;
            }
            int equals = body.indexOf('=');
            String name = equals < 0 ? body : body.substring(0, equals);
            String macroValue = equals < 0 ? "1" : unquote(body.substring(equals + 1));
            if (!name.isEmpty()) {
                defines.put(name, macroValue.isEmpty() && equals < 0 ? "1" : macroValue);
            }
        }
        return defines;
    }

    /** Splits at blanks outside double quotes, as the command line does. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                current.append(c).append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (Character.isWhitespace(c) && !quoted) {
                if (current.length() > 0) {
                    tokens.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    /** {@code "abc"} → {@code abc}; {@code \"abc\"} → {@code "abc"} (a string literal), as cl reads its command line. */
    private static String unquote(String value) {
        String result = value;
        if (result.length() >= 2 && result.startsWith("\"") && result.endsWith("\"") && !result.startsWith("\\\"")) {
            result = result.substring(1, result.length() - 1);
        }
        return result.replace("\\\"", "\"");
    }

    private static Notification note(NmakeVariables nmake, String variable, String entry, String reason) {
        String message = variable + " entry '" + NmakeVariables.readable(entry) + "' ignored: " + reason;
        return nmake.origin(variable)
                .map(o -> Notification.at(UNRESOLVED_ENTRY, Level.NOTE, SourceLocation.of(o.file(), o.line(), 1), message))
                .orElseGet(() -> Notification.global(UNRESOLVED_ENTRY, Level.NOTE, message));
    }
}
