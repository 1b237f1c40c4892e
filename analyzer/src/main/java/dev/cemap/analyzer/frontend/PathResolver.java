package dev.cemap.analyzer.frontend;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds files the way Windows would: CE sources name their headers in any case and with
 * backslashes, and the trees are checked out on case-sensitive file systems. Folder listings are
 * cached (one resolver per scan; the tree is assumed not to change during it). Only paths that
 * exist are returned.
 */
public final class PathResolver {

    /** A folder's entries: their exact names, and one real name per lower-case name. */
    private record Listing(Set<String> names, Map<String, String> byLowerCase) {
        static final Listing EMPTY = new Listing(Set.of(), Map.of());
    }

    /** Folder → its listing; empty for a folder that cannot be listed. */
    private final Map<Path, Listing> listings = new ConcurrentHashMap<>();

    /**
     * Resolves {@code relative} (a Windows or POSIX path, {@code .} and {@code ..} allowed)
     * against the existing folder {@code base}, matching each name case-insensitively.
     */
    public Optional<Path> resolve(Path base, String relative) {
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
            Optional<Path> child = child(current, part);
            if (child.isEmpty()) {
                return Optional.empty();
            }
            current = child.get();
        }
        return Optional.of(current);
    }

    /** An existing path equal to {@code path} up to case, found from its deepest existing ancestor. */
    public Optional<Path> existing(Path path) {
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

    /** The entry of {@code folder} named {@code name} in any case, if there is one; the exact name wins. */
    public Optional<Path> child(Path folder, String name) {
        Listing entries = listings.computeIfAbsent(folder, PathResolver::list);
        if (entries.names().contains(name)) {
            return Optional.of(folder.resolve(name));
        }
        String real = entries.byLowerCase().get(name.toLowerCase(Locale.ROOT));
        return real == null ? Optional.empty() : Optional.of(folder.resolve(real));
    }

    /** Sorted, so that of two names differing only in case the same one always wins. */
    private static Listing list(Path folder) {
        Map<String, String> byLowerCase = new TreeMap<>();
        Set<String> names = new HashSet<>();
        if (!Files.isDirectory(folder)) {
            return Listing.EMPTY;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                names.add(name);
                byLowerCase.merge(name.toLowerCase(Locale.ROOT), name, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        } catch (IOException | SecurityException unreadable) {
            return Listing.EMPTY;
        }
        return new Listing(Set.copyOf(names), Map.copyOf(byLowerCase));
    }
}
