package dev.cemap.cli.output;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Turns the absolute paths in findings into what users and SARIF consumers expect: paths relative
 * to the scanned root, with forward slashes on every platform.
 */
public final class ReportPaths {

    private final Path root;

    public ReportPaths(Path sourceRoot) {
        this.root = sourceRoot.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The root as an absolute {@code file:} URI ending in "/", as SARIF requires for a base URI. */
    public String rootUri() {
        String uri = root.toUri().toASCIIString();
        return uri.endsWith("/") ? uri : uri + "/";
    }

    /** The path a user reads: relative to the root when inside it, otherwise absolute. */
    public String display(Path file) {
        return relativePath(file).orElseGet(() -> forwardSlashes(normalize(file)));
    }

    /** The relative path with forward slashes, or empty when the file is not below the root. */
    public Optional<String> relativePath(Path file) {
        Path normalized = normalize(file);
        if (!normalized.startsWith(root) || normalized.equals(root)) {
            return Optional.empty();
        }
        return Optional.of(forwardSlashes(root.relativize(normalized)));
    }

    /**
     * A percent-encoded relative URI reference for a file below the root (spaces, '%', '#' and
     * non-ASCII characters escaped), or empty when the file is outside it.
     */
    public Optional<String> relativeUri(Path file) {
        return relativePath(file).map(ReportPaths::encodeRelative);
    }

    /** An absolute {@code file:} URI, for the rare file outside the root. */
    public String absoluteUri(Path file) {
        return normalize(file).toUri().toASCIIString();
    }

    private static String encodeRelative(String relativePath) {
        // A colon in the first segment would read as a URI scheme ("c:foo.c"); "./" keeps it a path.
        String firstSegment = relativePath.split("/", 2)[0];
        String path = firstSegment.contains(":") ? "./" + relativePath : relativePath;
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot express as a URI: " + relativePath, e);
        }
    }

    private static Path normalize(Path file) {
        return file.toAbsolutePath().normalize();
    }

    private static String forwardSlashes(Path path) {
        if (path.isAbsolute()) {
            // Keep the root ("/" or "C:\") and join the rest with forward slashes.
            String rootText = path.getRoot().toString().replace('\\', '/');
            return rootText + join(path.getRoot().relativize(path));
        }
        return join(path);
    }

    private static String join(Path relative) {
        StringJoiner joiner = new StringJoiner("/");
        for (Path element : relative) {
            joiner.add(element.toString());
        }
        return joiner.toString();
    }
}
