package dev.cemap.analyzer.frontend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decoded, assembly-blanked header texts, shared by every parse of a scan: BSP headers are
 * included by most files of a BSP, and reading and decoding them once is cheap insurance. The
 * arrays are handed to the parser, which only reads them.
 */
final class HeaderCache {

    private final ConcurrentHashMap<Path, Optional<char[]>> texts = new ConcurrentHashMap<>();

    /** Empty when the file cannot be read. */
    Optional<char[]> text(Path file) {
        return texts.computeIfAbsent(file, HeaderCache::load);
    }

    private static Optional<char[]> load(Path file) {
        try {
            String decoded = SourceDecoder.decode(Files.readAllBytes(file)).text();
            return Optional.of(InlineAssemblyBlanker.blank(decoded).toCharArray());
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
