package dev.cemap.analyzer.frontend;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.cdt.core.index.IIndexFileLocation;
import org.eclipse.cdt.internal.core.parser.IMacroDictionary;
import org.eclipse.cdt.internal.core.parser.scanner.InternalFileContent;
import org.eclipse.cdt.internal.core.parser.scanner.InternalFileContentProvider;

/**
 * Serves {@code #include}s to CDT for one translation unit (CDT keeps per-unit state in the
 * provider, so never share one). CDT is given no include path: it first tries the including
 * file's folder itself, then asks {@link IncludeSearch} through the heuristics hook, which always
 * answers, so no include is ever unresolved. A missing header becomes an empty file.
 */
final class CeIncludeProvider extends InternalFileContentProvider {

    private final IncludeSearch search;
    private final HeaderCache cache;
    private final Map<String, SourceText> texts = new HashMap<>();
    private final Set<Path> unreadable = new LinkedHashSet<>();

    /** @param parsedFile the text of the file being parsed, so that its nodes can be located too */
    CeIncludeProvider(SourceText parsedFile, IncludeSearch search, HeaderCache cache) {
        this.search = search;
        this.cache = cache;
        texts.put(parsedFile.path().toString(), parsedFile);
        setIncludeResolutionHeuristics((name, includingFile) -> search.find(name, includingFile).toString());
    }

    @Override
    public InternalFileContent getContentForInclusion(String location, IMacroDictionary macros) {
        Optional<Path> path = pathOf(location);
        if (path.isEmpty()) {
            return null;
        }
        Path file = path.get();
        if (BundledHeaders.isBundled(file)) {
            return BundledHeaders.text(file).map(text -> content(cache.fixed(file, text))).orElse(null);
        }
        if (IncludeSearch.isMissing(file)) {
            return content(cache.empty(file));
        }
        if (file.getFileName() != null && BundledHeaders.isSdkHeader(file.getFileName().toString())) {
            return null; // the bundled copy wins; CDT falls through to the heuristics
        }
        Optional<Path> real = search.existingFile(file);
        if (real.isEmpty()) {
            return null;
        }
        Optional<HeaderCache.Header> header = cache.file(real.get());
        if (header.isEmpty()) {
            unreadable.add(real.get());
            return content(cache.empty(real.get()));
        }
        return content(header.get());
    }

    @Override
    public InternalFileContent getContentForInclusion(IIndexFileLocation location, String astPath) {
        return null; // there is no index
    }

    /** Also answers for paths starting with {@code //} or {@code \\}, which CDT would hand to a resources plug-in we do not have. */
    @Override
    public boolean getInclusionExists(String location) {
        Optional<Path> path = pathOf(location);
        if (path.isEmpty()) {
            return false;
        }
        Path file = path.get();
        if (BundledHeaders.isBundled(file)) {
            return BundledHeaders.text(file).isPresent();
        }
        return IncludeSearch.isMissing(file) || search.existingFile(file).isPresent();
    }

    /** Every text handed to the parser, by the location string CDT reports for it. */
    Map<String, SourceText> texts() {
        return texts;
    }

    /** Headers that exist but could not be read (read as empty). */
    Set<Path> unreadable() {
        return unreadable;
    }

    private InternalFileContent content(HeaderCache.Header header) {
        String location = header.text().path().toString();
        texts.putIfAbsent(location, header.text());
        return new InternalFileContent(location, header.chars());
    }

    private static Optional<Path> pathOf(String location) {
        try {
            return Optional.of(Path.of(location).toAbsolutePath().normalize());
        } catch (InvalidPathException notAPath) {
            return Optional.empty();
        }
    }
}
