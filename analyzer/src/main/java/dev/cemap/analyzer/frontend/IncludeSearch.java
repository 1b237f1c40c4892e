package dev.cemap.analyzer.frontend;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the {@code #include}s of one file are found, in the order the CE build would look, but
 * forgiving about case and separators: a bundled SDK header; the folder of the including file;
 * the folder of the file being parsed; the {@code sources} include folders; the {@code -I}
 * folders; a bundled fallback header. Anything else is missing and will be read as empty.
 */
final class IncludeSearch {

    /** A folder that does not exist, under which missing headers are reported. */
    static final Path MISSING_FOLDER = FileSystems.getDefault().getRootDirectories().iterator().next()
            .resolve("cemap-missing-headers");

    private final PathResolver resolver;
    private final List<Path> folders;

    IncludeSearch(PathResolver resolver, Path parsedFileFolder, List<Path> includeFolders) {
        this.resolver = resolver;
        List<Path> all = new ArrayList<>();
        all.add(parsedFileFolder);
        all.addAll(includeFolders);
        this.folders = List.copyOf(all);
    }

    /**
     * The path to read for {@code #include name} written in {@code includingFile}: a real file, a
     * bundled header, or a path under {@link #MISSING_FOLDER}.
     */
    Path find(String name, String includingFile) {
        String fileName = lastComponent(name);
        if (BundledHeaders.isSdkHeader(fileName)) {
            return BundledHeaders.pathOf(fileName).orElseThrow();
        }
        Optional<Path> including = folderOf(includingFile);
        if (including.isPresent()) {
            Optional<Path> found = fileIn(including.get(), name);
            if (found.isPresent()) {
                return found.get();
            }
        }
        for (Path folder : folders) {
            Optional<Path> found = fileIn(folder, name);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return BundledHeaders.pathOf(fileName).orElseGet(() -> missing(name));
    }

    /** A real file CDT proposes (its own search of the including folder), resolved up to case. */
    Optional<Path> existingFile(Path candidate) {
        return resolver.existing(candidate).filter(Files::isRegularFile);
    }

    static boolean isMissing(Path path) {
        return path.startsWith(MISSING_FOLDER);
    }

    static String lastComponent(String name) {
        String[] parts = name.split("[\\\\/]+");
        return parts.length == 0 ? name : parts[parts.length - 1];
    }

    private Optional<Path> fileIn(Path folder, String name) {
        if (isAbsolute(name)) {
            return Optional.empty();
        }
        return resolver.resolve(folder, name).filter(Files::isRegularFile);
    }

    /** {@code C:\…}, {@code \\server\…}, {@code /…}: build-machine paths, never in the scanned tree. */
    private static boolean isAbsolute(String name) {
        return name.startsWith("/") || name.startsWith("\\") || (name.length() > 1 && name.charAt(1) == ':');
    }

    private static Optional<Path> folderOf(String file) {
        if (file == null) {
            return Optional.empty();
        }
        try {
            Path path = Path.of(file);
            if (BundledHeaders.isBundled(path) || isMissing(path)) {
                return Optional.empty();
            }
            return Optional.ofNullable(path.getParent());
        } catch (InvalidPathException notAPath) {
            return Optional.empty();
        }
    }

    private static Path missing(String name) {
        StringBuilder safe = new StringBuilder();
        for (String part : name.split("[\\\\/]+")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..") || part.contains(":")) {
                continue;
            }
            safe.append(safe.length() == 0 ? "" : "/").append(part);
        }
        try {
            return MISSING_FOLDER.resolve(safe.length() == 0 ? "unnamed" : safe.toString());
        } catch (InvalidPathException notAPath) {
            return MISSING_FOLDER.resolve("unnamed");
        }
    }
}
