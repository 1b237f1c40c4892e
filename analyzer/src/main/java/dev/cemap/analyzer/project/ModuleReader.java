package dev.cemap.analyzer.project;

import dev.cemap.analyzer.frontend.SourcesFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link Module} from a {@code sources} file, read with the front end's {@link SourcesFile}
 * (NMAKE syntax, {@code sources.cmn}, build roots): TARGETNAME, TARGETTYPE, SOURCES, and the
 * libraries of TARGETLIBS and SOURCELIBS.
 */
final class ModuleReader {

    private ModuleReader() {
    }

    static Optional<Module> read(Path sourcesFile, Path projectRoot) {
        Optional<SourcesFile> sources = SourcesFile.read(sourcesFile, projectRoot);
        if (sources.isEmpty()) {
            return Optional.empty();
        }
        SourcesFile file = sources.get();
        Path folder = file.path().getParent();
        String name = file.targetName().isEmpty() ? TreePaths.lowerName(folder) : file.targetName();
        List<String> libraries = libraries(file);
        return Optional.of(new Module(name, Module.Type.of(file.targetType()), folder, file.path(),
                sourceFiles(file, folder), libraries, isBareMetal(file, libraries)));
    }

    private static List<Path> sourceFiles(SourcesFile file, Path folder) {
        List<Path> found = new ArrayList<>();
        for (String entry : words(file.variable("SOURCES").orElse(""))) {
            if (entry.contains("$(")) {
                continue; // a path through a build variable the scan cannot know
            }
            TreePaths.resolve(folder, entry).filter(Files::isRegularFile)
                    .map(p -> p.toAbsolutePath().normalize()).ifPresent(found::add);
        }
        return found;
    }

    /** {@code $(_COMMONOAKROOT)\lib\$(_CPUINDPATH)\ceddk.lib} → {@code ceddk}. */
    private static List<String> libraries(SourcesFile file) {
        Set<String> names = new LinkedHashSet<>();
        for (String variable : List.of("TARGETLIBS", "SOURCELIBS")) {
            for (String entry : words(file.variable(variable).orElse(""))) {
                String last = TreePaths.lastComponent(entry).toLowerCase(Locale.ROOT);
                if (last.endsWith(".lib")) {
                    names.add(last.substring(0, last.length() - 4));
                }
            }
        }
        return List.copyOf(names);
    }

    /**
     * Boot loaders, the OAL and KITL name their own entry point and link no coredll.lib: they
     * cannot call the Win32 API, so they are never applications or ordinary drivers.
     */
    private static boolean isBareMetal(SourcesFile file, List<String> libraries) {
        if (libraries.contains("coredll")) {
            return false;
        }
        boolean ownEntry = file.variable("EXEENTRY").filter(v -> !v.isBlank()).isPresent()
                || file.variable("DLLENTRY").filter(v -> !v.isBlank()).isPresent();
        boolean noCrt = file.variable("NOLIBC").map(String::strip).filter("1"::equals).isPresent();
        boolean nativeSubsystem = file.variable("LDEFINES").map(v -> v.toLowerCase(Locale.ROOT))
                .filter(v -> v.contains("-subsystem:native") || v.contains("/subsystem:native")).isPresent();
        return ownEntry || noCrt || nativeSubsystem;
    }

    /** NMAKE lists are separated by blanks; continuations were already joined. */
    static List<String> words(String value) {
        List<String> words = new ArrayList<>();
        for (String word : value.strip().split("\\s+")) {
            if (!word.isEmpty() && !word.equals("\\")) {
                words.add(word);
            }
        }
        return words;
    }
}
