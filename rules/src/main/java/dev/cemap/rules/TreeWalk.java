package dev.cemap.rules;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The walk over a scanned folder: symbolic links followed (loops reported, not followed
 * again), excluded folders not entered, each wanted regular file handed on as an absolute,
 * normalised path. What cannot be read is reported and the walk goes on.
 */
public final class TreeWalk {

    /** What could not be read. */
    @FunctionalInterface
    public interface Failures {

        /**
         * @param path       the file or folder
         * @param error      why
         * @param wholeTree  the start folder itself could not be walked
         */
        void failed(Path path, IOException error, boolean wholeTree);
    }

    private TreeWalk() {
    }

    public static void walk(Path folder, PathExclusions excluded, Predicate<Path> wanted, Consumer<Path> found,
            Failures failures) {
        try {
            Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                            return excluded.excludes(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                            if (attributes.isRegularFile() && wanted.test(file) && !excluded.excludes(file)) {
                                found.accept(file.toAbsolutePath().normalize());
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException error) {
                            failures.failed(file, error, false);
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            failures.failed(folder, e, true);
        }
    }
}
