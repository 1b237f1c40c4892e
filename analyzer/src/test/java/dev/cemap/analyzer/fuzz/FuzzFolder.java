package dev.cemap.analyzer.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A scratch folder for one fuzz test class: each input is written to the same file names, so a
 * long campaign does not fill the disk. Shaped like a CE tree (PLATFORM/BSP/SRC) so that the
 * build-root variables of {@code sources} files resolve.
 */
final class FuzzFolder {

    private final Path root;

    FuzzFolder(String name) {
        try {
            root = Files.createTempDirectory("cemap-fuzz-" + name);
            Runtime.getRuntime().addShutdownHook(new Thread(this::delete));
            Files.createDirectories(bspFolder().resolve("INC"));
            Files.createDirectories(driverFolder());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scan root. */
    Path root() {
        return root;
    }

    Path bspFolder() {
        return root.resolve("PLATFORM/FUZZBSP/SRC");
    }

    /** Where fuzzed sources and {@code sources} files are written. */
    Path driverFolder() {
        return bspFolder().resolve("DRIVERS/FUZZ");
    }

    private void delete() {
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary folder left behind is harmless
        }
    }

    Path write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
