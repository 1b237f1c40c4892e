package dev.cemap.analyzer.frontend;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.MacroDefinition;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.analyzer.model.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.parser.FileContent;
import org.eclipse.cdt.core.parser.NullLogService;
import org.eclipse.cdt.core.parser.ScannerInfo;

/**
 * Parses CE driver sources with Eclipse CDT, configured for the MSVC dialect of the CE build, the
 * build's predefined macros, the {@code sources} file's include folders and CDEFINES, and small
 * bundled SDK headers. One instance per scan; thread-safe.
 *
 * <p>Deeply nested expressions make the parser recurse deeply: about 600 nested parentheses
 * overflow the default 1 MB thread stack. Run parses on threads created with a large stack
 * ({@code new Thread(group, task, name, 16L << 20)} handles 10,000 levels). A
 * {@link StackOverflowError} is caught either way and reported as {@code parse-failure}.
 */
public final class FrontEnd {

    /** Full ASTs: function bodies and every initializer value (address tables matter). */
    private static final int PARSE_OPTIONS = 0;

    /**
     * Hand-written driver sources are far below this; a generated file above it (register dumps,
     * firmware arrays) would cost a parser a heap of its own and holds no mapping logic.
     */
    static final long MAX_SOURCE_BYTES = 16L * 1024 * 1024;

    private final FrontEndSettings settings;
    private final Path scanRoot;
    private final PathResolver resolver = new PathResolver();
    private final HeaderCache headers = new HeaderCache();
    private final MacroDefinitions macros = new MacroDefinitions();
    private final Map<Path, Optional<SourcesFile>> sourcesByFolder = new ConcurrentHashMap<>();
    private final Map<Path, Optional<SourcesFile>> sourcesByFile = new ConcurrentHashMap<>();
    private final Set<Path> sourcesReported = Collections.newSetFromMap(new ConcurrentHashMap<>());
    /** The {@code sources} file whose build of a file is read, when the project knows it. */
    private volatile Function<Path, Optional<Path>> buildOf = file -> Optional.empty();

    /** Without a scan root, a file's {@code sources} file is looked for up to the file-system root. */
    public FrontEnd(FrontEndSettings settings) {
        this.settings = settings;
        this.scanRoot = null;
    }

    /**
     * {@code sources} files, their include folders and the CE build roots ({@code $(_TARGETPLATROOT)} …)
     * are looked for inside {@code scanRoot} only.
     */
    public FrontEnd(FrontEndSettings settings, Path scanRoot) {
        this.settings = settings;
        Path root = scanRoot.toAbsolutePath().normalize();
        this.scanRoot = Files.isRegularFile(root) && root.getParent() != null ? root.getParent() : root;
    }

    /**
     * The same front end with more macros defined: to parse a file once per configuration of
     * {@code #if}s the scan cannot decide.
     */
    public FrontEnd withDefines(Map<String, String> defines) {
        Map<String, String> all = new LinkedHashMap<>(settings.extraDefines());
        all.putAll(defines);
        FrontEndSettings more = new FrontEndSettings(settings.target(), settings.cpuMacro(), settings.extraIncludeDirs(),
                all);
        FrontEnd other = scanRoot == null ? new FrontEnd(more) : new FrontEnd(more, scanRoot);
        other.buildOf = buildOf;
        return other;
    }

    /**
     * Reads each file as the build the project says compiles it ({@code buildOf}: the
     * {@code sources} file, e.g. the one in a child folder that lists {@code ..\fmd.c}), not as
     * the nearest {@code sources} file above it.
     */
    public FrontEnd withBuilds(Function<Path, Optional<Path>> buildOf) {
        this.buildOf = buildOf;
        return this;
    }

    /**
     * Parses one {@code .c}/{@code .cpp} file (any other name is parsed as C). Never throws:
     * whatever goes wrong becomes a notification of the returned file.
     */
    public ParsedFile parse(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Optional<Path> build = buildOf.apply(absolute);
        return build.isPresent() ? parse(absolute, build.get()) : parse(absolute, sourcesFor(absolute));
    }

    /**
     * Parses a file as the build of one {@code sources} file compiles it (its CDEFINES and
     * INCLUDES): a file two modules build differently is read as the one a caller links.
     */
    public ParsedFile parse(Path file, Path sourcesFile) {
        Path absolute = file.toAbsolutePath().normalize();
        Path sources = sourcesFile.toAbsolutePath().normalize();
        return parse(absolute, sourcesByFile.computeIfAbsent(sources,
                s -> SourcesFile.read(s, scanRoot != null && absolute.startsWith(scanRoot) ? scanRoot : null, resolver)));
    }

    private ParsedFile parse(Path absolute, Optional<SourcesFile> sources) {
        SourceLanguage language = SourceLanguage.ofFile(absolute).orElse(SourceLanguage.C);
        byte[] bytes;
        try {
            long size = Files.size(absolute);
            if (size > MAX_SOURCE_BYTES) {
                Notification tooLarge = Notification.at(ParseNotifications.TOO_LARGE, Level.WARNING,
                        SourceLocation.of(absolute, 1, 1), "the file has " + size + " bytes, more than the "
                                + MAX_SOURCE_BYTES / (1024 * 1024) + " MB cemap parses; it was not analysed");
                return new ParsedFile(absolute, language, null, List.of(tooLarge), "",
                        new SourceLocator(absolute, Map.of()));
            }
            bytes = Files.readAllBytes(absolute);
        } catch (IOException | RuntimeException e) {
            Notification unreadable = Notification.at(ParseNotifications.READ_ERROR, Level.ERROR,
                    SourceLocation.of(absolute, 1, 1), "cannot read the file: " + describe(e));
            return new ParsedFile(absolute, language, null, List.of(unreadable), "", new SourceLocator(absolute, Map.of()));
        }
        DecodedSource decoded = SourceDecoder.decode(bytes);
        String text = InlineAssemblyBlanker.blank(MsvcLineSplices.unjoinSpacedSplices(decoded.text()));
        SourceText main = new SourceText(absolute, text.toCharArray());
        List<Notification> notes = new ArrayList<>();
        if (decoded.charset().equals(StandardCharsets.UTF_16LE) || decoded.charset().equals(StandardCharsets.UTF_16BE)) {
            notes.add(Notification.at(ParseNotifications.DECODED_UTF16, Level.NOTE, SourceLocation.of(absolute, 1, 1),
                    "the file is " + decoded.charset().name() + " (byte-order mark); decoded as such"));
        }
        sources.filter(s -> sourcesReported.add(s.path())).ifPresent(s -> notes.addAll(s.notifications()));

        List<Path> includeFolders = new ArrayList<>();
        sources.ifPresent(s -> includeFolders.addAll(s.includeDirs()));
        settings.extraIncludeDirs().forEach(dir -> includeFolders.add(dir.toAbsolutePath().normalize()));
        CeIncludeProvider provider = new CeIncludeProvider(main,
                new IncludeSearch(resolver, absolute.getParent(), includeFolders), headers);
        Map<String, String> macros = new LinkedHashMap<>(PredefinedMacros.of(settings, sources));
        macros.putAll(MsvcDialect.perFileMacros(text));
        ScannerInfo scannerInfo = new ScannerInfo(macros, new String[0]);

        IASTTranslationUnit unit = null;
        try {
            unit = CeLanguages.of(language).getASTTranslationUnit(
                    FileContent.create(absolute.toString(), true, main.chars()), scannerInfo, provider,
                    null, PARSE_OPTIONS, new NullLogService());
            SourceLocator locator = new SourceLocator(absolute, provider.texts());
            notes.addAll(ParseNotifications.of(unit, locator, provider.unreadable()));
        } catch (Throwable failure) { // StackOverflowError from deep nesting, or a CDT internal error
            unit = null;
            notes.add(Notification.at(ParseNotifications.PARSE_FAILURE, Level.ERROR, SourceLocation.of(absolute, 1, 1),
                    "the parser gave up on this file (" + describe(failure) + "); it was not analysed"));
        }
        Collections.sort(notes);
        return new ParsedFile(absolute, language, unit, notes, text, new SourceLocator(absolute, provider.texts()));
    }

    /** The {@code #define}s of the code under analysis that a parse of this front end met. */
    public List<MacroDefinition> macroDefinitions(ParsedFile parsed) {
        return macros.in(parsed);
    }

    private Optional<SourcesFile> sourcesFor(Path file) {
        Path folder = file.getParent();
        if (folder == null) {
            return Optional.empty();
        }
        return sourcesByFolder.computeIfAbsent(folder, f -> SourcesFile.nearest(file, scanRoot, resolver));
    }

    private static String describe(Throwable failure) {
        if (failure instanceof StackOverflowError) {
            return "nesting too deep for the parser's stack";
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
