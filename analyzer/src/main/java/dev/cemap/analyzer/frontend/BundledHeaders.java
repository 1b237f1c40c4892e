package dev.cemap.analyzer.frontend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The small CE SDK headers shipped as resources ({@code headers/index.txt} lists them). Real
 * driver trees do not contain the SDK, and without type names casts parse as calls.
 *
 * <p>Two kinds: {@code sdk} headers always replace a file of the same name (the SDK is not
 * part of what is analysed, and a copy inside the tree would cost parse time and bring in
 * declarations our stubs do not expect); {@code fallback} headers are used only when the tree
 * does not have the real one (platform-common headers such as {@code oal.h}).
 */
final class BundledHeaders {

    /** A folder that does not exist, under which bundled headers are reported. */
    static final Path FOLDER = FileSystems.getDefault().getRootDirectories().iterator().next()
            .resolve("cemap-bundled-headers");

    private static final String RESOURCES = "/dev/cemap/analyzer/headers/";

    private static final Map<String, Header> HEADERS = load();

    private record Header(Path path, char[] text, boolean replacesTreeCopy) {
    }

    private BundledHeaders() {
    }

    /** An SDK header name: always served from the bundle. */
    static boolean isSdkHeader(String fileName) {
        Header header = HEADERS.get(fileName.toLowerCase(Locale.ROOT));
        return header != null && header.replacesTreeCopy();
    }

    /** The path a bundled header is reported under, if there is one of that name. */
    static Optional<Path> pathOf(String fileName) {
        return Optional.ofNullable(HEADERS.get(fileName.toLowerCase(Locale.ROOT))).map(Header::path);
    }

    static boolean isBundled(Path path) {
        return path.startsWith(FOLDER);
    }

    /** The text of a bundled header given its reported path; shared, never modify it. */
    static Optional<char[]> text(Path path) {
        if (!isBundled(path) || path.getFileName() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(HEADERS.get(path.getFileName().toString().toLowerCase(Locale.ROOT)))
                .filter(header -> header.path().equals(path))
                .map(Header::text);
    }

    private static Map<String, Header> load() {
        Map<String, Header> headers = new HashMap<>();
        for (String line : read("index.txt").split("\\R")) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            String[] fields = entry.split("\\s+");
            String name = fields[0].toLowerCase(Locale.ROOT);
            boolean sdk = fields.length < 2 || fields[1].equals("sdk");
            headers.put(name, new Header(FOLDER.resolve(name), read(name).toCharArray(), sdk));
        }
        return Map.copyOf(headers);
    }

    private static String read(String name) {
        try (InputStream in = BundledHeaders.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("bundled header missing from the build: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
