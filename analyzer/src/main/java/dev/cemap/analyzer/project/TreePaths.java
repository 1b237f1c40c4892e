package dev.cemap.analyzer.project;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds files the way the CE build on Windows would: names in any case, backslashes or slashes.
 * BSP trees are checked out on case-sensitive file systems while their build files name
 * {@code FILES\platform.reg} or {@code ..\Inc\OEMADDRTAB_CFG.INC} however they like.
 */
final class TreePaths {

    private TreePaths() {
    }

    /** {@code relative} resolved against the existing folder {@code base}, each name matched in any case. */
    static Optional<Path> resolve(Path base, String relative) {
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

    /** The entry of {@code folder} called {@code name} in any case; the exact name wins when both exist. */
    static Optional<Path> child(Path folder, String name) {
        try {
            Path exact = folder.resolve(name);
            if (Files.exists(exact)) {
                return Optional.of(exact);
            }
        } catch (InvalidPathException notAName) {
            return Optional.empty();
        }
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        String wanted = name.toLowerCase(Locale.ROOT);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            Path found = null;
            for (Path entry : entries) {
                String entryName = entry.getFileName().toString();
                if (entryName.toLowerCase(Locale.ROOT).equals(wanted)
                        && (found == null || entryName.compareTo(found.getFileName().toString()) < 0)) {
                    found = entry;
                }
            }
            return Optional.ofNullable(found);
        } catch (IOException | SecurityException unreadable) {
            return Optional.empty();
        }
    }

    /** The file name in lower case, "" for a root. */
    static String lowerName(Path path) {
        Path name = path.getFileName();
        return name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    }

    /** The last component of a Windows or POSIX path as written ({@code $(X)\lib\gpio.lib} → {@code gpio.lib}). */
    static String lastComponent(String written) {
        String[] parts = written.strip().replace("\"", "").split("[\\\\/]+");
        return parts.length == 0 ? "" : parts[parts.length - 1];
    }
}
