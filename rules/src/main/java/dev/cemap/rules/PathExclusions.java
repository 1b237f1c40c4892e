package dev.cemap.rules;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.PatternSyntaxException;

/**
 * Paths the user excluded from a scan with globs ({@code third_party/**}, {@code *_test.c}). Each
 * glob is read relative to a base folder: the folder of the configuration file that holds it, or
 * the current folder for one given on the command line.
 *
 * <p>A glob with a {@code /} is matched against the path below the base, and against each folder
 * on the way to the file, so that naming a folder excludes everything in it. A glob without a
 * {@code /} is matched against every single name on that path, as in {@code .gitignore}:
 * {@code generated} excludes any folder of that name, {@code *_test.c} any such file.
 */
public final class PathExclusions {

    public static final PathExclusions NONE = new PathExclusions(List.of(), List.of());

    /**
     * One glob as the user wrote it, and the folder it is relative to.
     *
     * @param base  an absolute folder
     * @param glob  {@code *} within a name, {@code **} across folders, {@code ?}, {@code [a-z]}, {@code {a,b}}
     */
    public record Pattern(Path base, String glob) {

        public Pattern {
            base = base.toAbsolutePath().normalize();
            Objects.requireNonNull(glob, "glob");
        }
    }

    private record Compiled(Path base, boolean anyName, List<PathMatcher> matchers) {
    }

    private final List<Pattern> patterns;
    private final List<Compiled> compiled;

    private PathExclusions(List<Pattern> patterns, List<Compiled> compiled) {
        this.patterns = List.copyOf(patterns);
        this.compiled = List.copyOf(compiled);
    }

    /**
     * @throws IllegalArgumentException naming the glob when one is not valid
     */
    public static PathExclusions of(List<Pattern> patterns) {
        List<Compiled> compiled = new ArrayList<>();
        for (Pattern pattern : patterns) {
            compiled.add(compile(pattern));
        }
        return new PathExclusions(patterns, compiled);
    }

    /** Checks one glob without keeping it: the message names what is wrong. */
    public static void check(String glob) {
        compile(new Pattern(Path.of(""), glob));
    }

    public List<Pattern> patterns() {
        return patterns;
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** Whether the file or folder (made absolute) is excluded. */
    public boolean excludes(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        for (Compiled pattern : compiled) {
            if (absolute.startsWith(pattern.base()) && !absolute.equals(pattern.base())
                    && matches(pattern, pattern.base().relativize(absolute))) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Compiled pattern, Path relative) {
        for (int end = 1; end <= relative.getNameCount(); end++) {
            Path candidate = pattern.anyName() ? relative.getName(end - 1) : relative.subpath(0, end);
            for (PathMatcher matcher : pattern.matchers()) {
                if (matcher.matches(candidate)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Compiled compile(Pattern pattern) {
        String glob = pattern.glob().strip().replace('\\', '/');
        while (glob.startsWith("./")) {
            glob = glob.substring(2);
        }
        // "/src/x" and "src/x/" mean the same as "src/x": every glob with a slash is anchored
        // at the base, and a folder matches like a file.
        glob = glob.replaceAll("^/+|/+$", "");
        if (glob.isEmpty()) {
            throw new IllegalArgumentException("an empty glob would exclude everything");
        }
        boolean anyName = !glob.contains("/");
        List<PathMatcher> matchers = new ArrayList<>();
        try {
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
            // "**/build" should also match "build" right below the base, as it does in .gitignore.
            String rest = glob;
            while (rest.startsWith("**/")) {
                rest = rest.substring(3);
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + rest));
            }
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("not a valid glob: " + e.getDescription(), e);
        }
        return new Compiled(pattern.base(), anyName, matchers);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PathExclusions that && patterns.equals(that.patterns);
    }

    @Override
    public int hashCode() {
        return patterns.hashCode();
    }

    @Override
    public String toString() {
        return patterns.toString();
    }
}
