package dev.cemap.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The annotated driver sources under {@code test-corpus/drivers}. */
final class Corpus {

    /** Set by the module's surefire configuration to {@code ${project.basedir}/drivers}. */
    static final String ROOT_PROPERTY = "cemap.corpus.dir";

    private Corpus() {
    }

    /**
     * The corpus folder: the system property when set, otherwise {@code drivers} in the working
     * directory (an IDE running the module's tests from the module folder).
     */
    static Path root() {
        String configured = System.getProperty(ROOT_PROPERTY);
        Path root = configured != null ? Paths.get(configured) : Paths.get("drivers");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("corpus folder not found: " + root.toAbsolutePath()
                    + " (set -D" + ROOT_PROPERTY + "=<test-corpus>/drivers)");
        }
        return root.toAbsolutePath().normalize();
    }

    /** Every .c and .cpp file of the corpus, sorted by path so test names are stable. */
    static List<Path> sources() {
        try (Stream<Path> files = Files.walk(root())) {
            return files.filter(Files::isRegularFile).filter(Corpus::isSource).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isSource(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".c") || name.endsWith(".cpp");
    }

    /** The path shown in test names and messages: relative to the corpus root, forward slashes. */
    static String displayName(Path file) {
        return root().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
