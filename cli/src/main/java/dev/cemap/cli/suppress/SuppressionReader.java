package dev.cemap.cli.suppress;

import dev.cemap.analyzer.frontend.SourceDecoder;
import dev.cemap.rules.PathExclusions;
import dev.cemap.rules.TreeWalk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds the {@code cemap-suppress} comments of the scanned tree: in every C/C++ source and header
 * under the scanned paths (so that one matching nothing is reported wherever it is), and in any
 * other file a finding points into (a header of an include folder). Files that cannot be read
 * are left to the scanner, which reports them.
 */
public final class SuppressionReader {

    private static final Set<String> EXTENSIONS = Set.of("c", "cpp", "cxx", "cc", "h", "hpp", "hxx", "hh", "inl");
    private static final byte[] KEYWORD = SuppressionComment.KEYWORD.getBytes(StandardCharsets.US_ASCII);

    private SuppressionReader() {
    }

    /** The suppressions by file, files in path order. */
    public static Map<Path, List<SuppressionComment>> read(List<Path> scanPaths, PathExclusions excluded,
            Collection<Path> filesWithFindings) {
        Set<Path> files = new TreeSet<>();
        for (Path path : scanPaths) {
            collect(path.toAbsolutePath().normalize(), excluded, files);
        }
        filesWithFindings.forEach(file -> files.add(file.toAbsolutePath().normalize()));
        Map<Path, List<SuppressionComment>> byFile = new TreeMap<>();
        for (Path file : files) {
            List<SuppressionComment> found = readFile(file);
            if (!found.isEmpty()) {
                byFile.put(file, found);
            }
        }
        return byFile;
    }

    static List<SuppressionComment> readFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            return List.of();
        }
        // Most files have no suppression: a byte search spares them the decoding and the comment
        // scan. UTF-16 files do not hold the keyword as ASCII bytes, so they are always decoded.
        if (!contains(bytes, KEYWORD) && !startsUtf16(bytes)) {
            return List.of();
        }
        return SuppressionComment.in(file, SourceComments.of(SourceDecoder.decode(bytes).text()));
    }

    private static void collect(Path path, PathExclusions excluded, Set<Path> files) {
        if (excluded.excludes(path)) {
            return;
        }
        if (!Files.isDirectory(path)) {
            if (isSourceOrHeader(path)) {
                files.add(path);
            }
            return;
        }
        // Unreadable files and folders are left to the scanner's own walk, which reports them.
        TreeWalk.walk(path, excluded, SuppressionReader::isSourceOrHeader, files::add, (file, error, whole) -> { });
    }

    private static boolean isSourceOrHeader(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean startsUtf16(byte[] bytes) {
        return bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
