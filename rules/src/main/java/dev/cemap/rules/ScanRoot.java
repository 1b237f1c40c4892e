package dev.cemap.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The folder a scan's reported paths are relative to (SARIF {@code %SRCROOT%}): the deepest
 * folder containing every scanned path, a file's own folder when it is scanned alone. The
 * command line also looks for its configuration file there, before the scan.
 */
public final class ScanRoot {

    private ScanRoot() {
    }

    public static Path of(List<Path> paths) {
        Path common = null;
        for (Path given : paths) {
            Path path = given.toAbsolutePath().normalize();
            Path folder = Files.isDirectory(path) || path.getParent() == null ? path : path.getParent();
            if (common == null) {
                common = folder;
            } else {
                while (common != null && !folder.startsWith(common)) {
                    common = common.getParent();
                }
            }
        }
        return common == null ? Path.of("").toAbsolutePath() : common;
    }
}
