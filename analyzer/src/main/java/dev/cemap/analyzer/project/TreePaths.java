package dev.cemap.analyzer.project;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import dev.cemap.analyzer.frontend.PathResolver;
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
        return new PathResolver().resolve(base, relative);
    }

    /** The entry of {@code folder} called {@code name} in any case; the exact name wins when both exist. */
    static Optional<Path> child(Path folder, String name) {
        try {
            return new PathResolver().child(folder, name);
        } catch (InvalidPathException notAName) {
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
