package dev.cemap.analyzer.project;

import dev.cemap.analyzer.frontend.BuildRoots;
import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.Notification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One walk over a project tree that sorts out the files the project model reads: {@code sources}
 * and {@code dirs} files, {@code .reg} and {@code .bib} files, the files that may hold the
 * OEMAddressTable, the C/C++ sources, and the BSP roots (folders whose own or {@code FILES}
 * or {@code CESYSGEN\files} folder holds {@code platform.reg}, {@code config.bib} or {@code platform.bib}).
 */
final class ProjectWalk {

    /**
     * How far above the scanned folder a BSP root is looked for. A driver sits at
     * {@code BSP/SRC/DRIVERS/NAME}, sometimes one level deeper; scanning it alone must still see
     * the BSP's registry and memory map, but an unrelated tree far above must not be picked up.
     */
    static final int MAX_LEVELS_UP = 5;

    /** Address tables live in small files; a huge generated file is not read for one. */
    private static final long MAX_TABLE_CANDIDATE_BYTES = 2L * 1024 * 1024;

    private static final Set<String> BSP_MARKERS = Set.of("platform.reg", "config.bib", "platform.bib");
    private static final Set<String> CODE = Set.of("c", "cpp", "cxx", "cc");
    private static final Set<String> C_TABLE = Set.of("c", "cpp", "h", "hpp");
    private static final Set<String> ASM_TABLE = Set.of("inc", "s", "asm");

    final Set<Path> sources = new TreeSet<>();
    final Set<Path> dirs = new TreeSet<>();
    final Set<Path> registryFiles = new TreeSet<>();
    final Set<Path> bibFiles = new TreeSet<>();
    final Set<Path> cTables = new TreeSet<>();
    final Set<Path> asmTables = new TreeSet<>();
    final Set<Path> codeFiles = new TreeSet<>();
    final Set<Path> bspRoots = new TreeSet<>();
    final List<Notification> notifications = new ArrayList<>();

    private ProjectWalk() {
    }

    static ProjectWalk of(Path root) {
        ProjectWalk walk = new ProjectWalk();
        walk.walk(root);
        return walk;
    }

    /** The nearest folder at or above {@code folder} (at most {@link #MAX_LEVELS_UP} up) that is a BSP root. */
    static Optional<Path> bspRootAtOrAbove(Path folder) {
        Path current = folder;
        for (int level = 0; current != null && level <= MAX_LEVELS_UP; level++) {
            if (isBspRoot(current)) {
                return Optional.of(current);
            }
            current = current.getParent();
        }
        return Optional.empty();
    }

    static boolean isBspRoot(Path folder) {
        return BuildRoots.isBspFolder(folder);
    }

    private void walk(Path root) {
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name = TreePaths.lowerName(dir);
                    // .git, .svn and the like hold copies, not the tree.
                    return !dir.equals(root) && name.startsWith(".") ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        classify(file.toAbsolutePath().normalize(), attributes.size());
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException error) {
                    if (!(error instanceof FileSystemLoopException)) {
                        notifications.add(Notification.global(BuildFileReader.UNREADABLE, Level.NOTE,
                                file + " cannot be read for the project model (" + error.getClass().getSimpleName() + ")"));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | RuntimeException e) {
            notifications.add(Notification.global(BuildFileReader.UNREADABLE, Level.WARNING,
                    root + " cannot be walked for the project model (" + e.getClass().getSimpleName() + ")"));
        }
    }

    private void classify(Path file, long size) {
        String name = TreePaths.lowerName(file);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        if (name.equals("sources")) {
            sources.add(file);
        } else if (name.equals("dirs")) {
            dirs.add(file);
        } else if (extension.equals("reg")) {
            registryFiles.add(file);
        } else if (extension.equals("bib")) {
            bibFiles.add(file);
        }
        if (BSP_MARKERS.contains(name)) {
            bspRoots.add(bspFolderOf(file.getParent()));
        }
        if (CODE.contains(extension)) {
            codeFiles.add(file);
        }
        if ((C_TABLE.contains(extension) || ASM_TABLE.contains(extension)) && size <= MAX_TABLE_CANDIDATE_BYTES
                && mayHoldTable(file)) {
            (C_TABLE.contains(extension) ? cTables : asmTables).add(file);
        }
    }

    private static boolean mayHoldTable(Path file) {
        try {
            // Latin-1 maps every byte to a char: enough to look for an ASCII name in any encoding but UTF-16.
            return OemAddressTable.mayHoldTable(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    /** The BSP folder of a folder holding image files: {@code FILES} and {@code CESYSGEN\files} belong to their parent BSP. */
    private static Path bspFolderOf(Path folder) {
        Path parent = folder.getParent();
        if (!TreePaths.lowerName(folder).equals("files") || parent == null) {
            return folder;
        }
        return TreePaths.lowerName(parent).equals("cesysgen") && parent.getParent() != null ? parent.getParent() : parent;
    }

    /** The deepest BSP root containing {@code path}, else {@code fallback}. */
    Path bspRootOf(Path path, Path fallback) {
        Path best = fallback;
        for (Path root : bspRoots) {
            if (path.startsWith(root) && root.getNameCount() > best.getNameCount()) {
                best = root;
            }
        }
        return best;
    }

    static String extension(Path file) {
        String name = TreePaths.lowerName(file);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
