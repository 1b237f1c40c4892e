package dev.cemap.rules;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.Notification;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The C and C++ files under the paths a user gave, in a stable order, and the folder all
 * reported paths are relative to. Unreadable folders and symbolic-link loops become
 * notifications; the walk goes on.
 */
final class SourceTree {

    private static final Set<String> SOURCE_EXTENSIONS = Set.of("c", "cpp", "cxx", "cc");

    private final Path root;
    private final List<Path> files;
    private final List<Notification> notifications;

    private SourceTree(Path root, List<Path> files, List<Notification> notifications) {
        this.root = root;
        this.files = files;
        this.notifications = notifications;
    }

    static SourceTree of(List<Path> paths) {
        return of(paths, PathExclusions.NONE);
    }

    /** The tree without the files and folders {@code excluded} names (not walked into at all). */
    static SourceTree of(List<Path> paths, PathExclusions excluded) {
        List<Path> absolute = paths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        Set<Path> files = new TreeSet<>();
        List<Notification> notifications = new ArrayList<>();
        for (Path path : absolute) {
            if (excluded.excludes(path)) {
                continue;
            }
            if (Files.isDirectory(path)) {
                walk(path, excluded, files, notifications);
            } else if (isSource(path)) {
                files.add(path);
            } else {
                notifications.add(Notification.global("not-a-source-file", Level.WARNING,
                        path + " is not a C or C++ source file (.c, .cpp, .cxx, .cc); it was not scanned"));
            }
        }
        return new SourceTree(ScanRoot.of(absolute), List.copyOf(files), notifications);
    }

    Path root() {
        return root;
    }

    List<Path> files() {
        return files;
    }

    List<Notification> notifications() {
        return notifications;
    }

    static boolean isSource(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && SOURCE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static void walk(Path directory, PathExclusions excluded, Set<Path> files,
            List<Notification> notifications) {
        TreeWalk.walk(directory, excluded, SourceTree::isSource, files::add, (path, error, wholeTree) -> {
            if (wholeTree) {
                notifications.add(Notification.global("read-error", Level.ERROR,
                        path + " cannot be read (" + describe(error) + ")"));
            } else {
                String why = error instanceof FileSystemLoopException
                        ? "is a symbolic-link loop" : "cannot be read (" + describe(error) + ")";
                notifications.add(Notification.global("read-error", Level.WARNING,
                        path + " " + why + "; it was not scanned"));
            }
        });
    }

    private static String describe(IOException error) {
        String type = error.getClass().getSimpleName().replace("Exception", "");
        return error.getMessage() == null ? type : type + ": " + error.getMessage();
    }
}
