package dev.cemap.analyzer.frontend;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds files the way Windows would: CE sources name their headers in any case and with
 * backslashes, and the trees are checked out on case-sensitive file systems. Folder listings are
 * cached (one resolver per scan; the tree is assumed not to change during it). Only paths that
 * exist are returned.
 */
final class PathResolver {

    /** Folder → (lower-case name → real name); an empty map for a folder that cannot be listed. */
    private final Map<Path, Map<String, String>> listings = new ConcurrentHashMap<>();

    /**
     * Resolves {@code relative} (a Windows or POSIX path, {@code .} and {@code ..} allowed)
     * against the existing folder {@code base}, matching each name case-insensitively.
     */
    Optional<Path> resolve(Path base, String relative) {
        Path current = base;
        for (String part : relative.split("[\\\\/]+")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                current = current.getParent();
                if (current == null) {
                    return Optional.empty();
                }
                continue;
            }
            String real = listing(current).get(part.toLowerCase(Locale.ROOT));
            if (real == null) {
                return Optional.empty();
            }
            current = current.resolve(real);
        }
        return Optional.of(current);
    }

    /** An existing path equal to {@code path} up to case, found from its deepest existing ancestor. */
    Optional<Path> existing(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            return Optional.of(absolute);
        }
        Path parent = absolute.getParent();
        Path name = absolute.getFileName();
        if (parent == null || name == null) {
            return Optional.empty();
        }
        return existing(parent).flatMap(folder -> resolve(folder, name.toString()));
    }

    /** The entry of {@code folder} named {@code name} in any case, if there is one. */
    Optional<Path> child(Path folder, String name) {
        String real = listing(folder).get(name.toLowerCase(Locale.ROOT));
        return real == null ? Optional.empty() : Optional.of(folder.resolve(real));
    }

    private Map<String, String> listing(Path folder) {
        return listings.computeIfAbsent(folder, PathResolver::list);
    }

    /** Sorted, so that of two names differing only in case the same one always wins. */
    private static Map<String, String> list(Path folder) {
        Map<String, String> byLowerCase = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return Map.of();
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                byLowerCase.merge(name.toLowerCase(Locale.ROOT), name, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        } catch (IOException | SecurityException unreadable) {
            return Map.of();
        }
        return Map.copyOf(byLowerCase);
    }
}
