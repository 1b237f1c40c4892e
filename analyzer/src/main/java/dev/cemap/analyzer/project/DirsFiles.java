package dev.cemap.analyzer.project;

import dev.cemap.analyzer.frontend.SourcesFile;
import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.analyzer.model.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@code dirs} files of a tree: which sub-folders the build descends into ({@code DIRS} and
 * {@code OPTIONAL_DIRS}, {@code *} for all). A folder beside a {@code dirs} file that does not
 * name it is not built; a name without a folder is reported. {@code dirs} files share the NMAKE
 * syntax of {@code sources} files and are read with the same reader.
 */
final class DirsFiles {

    private DirsFiles() {
    }

    /** The sub-folders that {@code dirs} files leave out of the build. */
    static Set<Path> excludedFolders(Set<Path> dirsFiles, Path projectRoot, List<Notification> notes) {
        Set<Path> excluded = new HashSet<>();
        for (Path dirsFile : dirsFiles) {
            SourcesFile.read(dirsFile, projectRoot).ifPresent(dirs -> {
                Set<String> listed = new HashSet<>();
                for (String variable : List.of("DIRS", "OPTIONAL_DIRS")) {
                    for (String entry : ModuleReader.words(dirs.variable(variable).orElse(""))) {
                        listed.add(entry.toLowerCase(Locale.ROOT));
                        // OPTIONAL_DIRS name folders a BSP may leave out; only a missing DIRS entry breaks the build.
                        if (variable.equals("DIRS") && !entry.equals("*") && !entry.contains("$(")
                                && TreePaths.resolve(dirsFile.getParent(), entry).filter(Files::isDirectory).isEmpty()) {
                            notes.add(Notification.at(ProjectModel.DIRS_ENTRY_MISSING, Level.NOTE,
                                    SourceLocation.of(dirsFile, 1, 1), dirsFile.getFileName() + ": " + variable
                                            + " names '" + entry + "', which is not a folder beside it"));
                        }
                    }
                }
                if (!listed.contains("*")) {
                    subfolders(dirsFile.getParent()).filter(f -> !listed.contains(TreePaths.lowerName(f)))
                            .forEach(excluded::add);
                }
            });
        }
        return excluded;
    }

    private static Stream<Path> subfolders(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isDirectory).map(p -> p.toAbsolutePath().normalize()).toList().stream();
        } catch (IOException | RuntimeException unreadable) {
            return Stream.empty();
        }
    }
}
