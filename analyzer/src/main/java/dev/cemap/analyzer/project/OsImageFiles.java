package dev.cemap.analyzer.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which build files of a BSP make the OS image. makeimg merges the BSP's {@code config.bib},
 * {@code platform.bib} and {@code platform.reg} from its {@code FILES} folder (a BSP without one
 * keeps them in its {@code CESYSGEN\files} folder, or at its root) with what they
 * {@code #include}. Every other {@code .bib} file describes another image, built by its own
 * {@code romimage} run: a boot loader (eboot, xldr, IPL, stepldr) or a test image, whose
 * {@code RAM} is that loader's, never the kernel's.
 */
final class OsImageFiles {

    private static final List<String> IMAGE_FILES = List.of("config.bib", "platform.bib", "platform.reg");

    private OsImageFiles() {
    }

    /** The OS image's {@code config.bib} and {@code platform.bib}, from the first folder that has either. */
    static List<Path> bibFiles(Path bspRoot) {
        return imageFolder(bspRoot).map(folder -> existing(folder, List.of("config.bib", "platform.bib")))
                .orElse(List.of());
    }

    /**
     * Whether {@code file} is a copy of the image files the build does not use: those of
     * {@code CESYSGEN\files} when {@code FILES} has them.
     */
    static boolean isUnusedCopy(Path file, Path bspRoot) {
        Optional<Path> used = imageFolder(bspRoot);
        Path folder = file.getParent();
        return used.isPresent() && folder != null && !folder.equals(used.get())
                && TreePaths.lowerName(folder).equals("files") && folder.getParent() != null
                && TreePaths.lowerName(folder.getParent()).equals("cesysgen")
                && bspRoot.equals(folder.getParent().getParent());
    }

    private static Optional<Path> imageFolder(Path bspRoot) {
        List<Optional<Path>> candidates = List.of(TreePaths.child(bspRoot, "FILES"), Optional.of(bspRoot),
                TreePaths.child(bspRoot, "CESYSGEN").flatMap(c -> TreePaths.child(c, "files")));
        for (Optional<Path> candidate : candidates) {
            if (candidate.isPresent() && !existing(candidate.get(), IMAGE_FILES).isEmpty()) {
                return candidate;
            }
        }
        return Optional.empty();
    }

    private static List<Path> existing(Path folder, List<String> names) {
        List<Path> found = new ArrayList<>();
        for (String name : names) {
            TreePaths.child(folder, name).filter(Files::isRegularFile)
                    .ifPresent(file -> found.add(file.toAbsolutePath().normalize()));
        }
        return found;
    }
}
