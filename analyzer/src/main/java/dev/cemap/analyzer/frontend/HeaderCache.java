package dev.cemap.analyzer.frontend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.cdt.internal.core.parser.scanner.CharArray;

/**
 * Header texts shared by every parse of a scan: BSP headers are included by most files of a BSP.
 * Each is read, decoded, unjoined where MSVC does not join lines ({@link MsvcLineSplices}) and
 * assembly-blanked once, and handed to every parse as the same objects:
 * its line starts are found once, and CDT hashes its content once (it hashes every included
 * file, and caches the hash in the array it is given). The parser only reads them.
 */
final class HeaderCache {

    /** A header's text, and the same characters as CDT reads them. */
    record Header(SourceText text, CharArray chars) {
        static Header of(Path file, char[] chars) {
            return new Header(new SourceText(file, chars), new CharArray(chars));
        }
    }

    private static final char[] EMPTY = new char[0];

    private final ConcurrentHashMap<Path, Optional<Header>> files = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Path, Header> fixed = new ConcurrentHashMap<>();

    /** A header of the tree; empty when the file cannot be read. */
    Optional<Header> file(Path file) {
        return files.computeIfAbsent(file, HeaderCache::load);
    }

    /** A header whose text is not read from the tree: a bundled one, or a missing one read as empty. */
    Header fixed(Path file, char[] chars) {
        return this.fixed.computeIfAbsent(file, path -> Header.of(path, chars));
    }

    /** A missing header, read as empty. */
    Header empty(Path file) {
        return fixed(file, EMPTY);
    }

    private static Optional<Header> load(Path file) {
        try {
            String decoded = SourceDecoder.decode(Files.readAllBytes(file)).text();
            String text = InlineAssemblyBlanker.blank(MsvcLineSplices.unjoinSpacedSplices(decoded));
            return Optional.of(Header.of(file, text.toCharArray()));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
