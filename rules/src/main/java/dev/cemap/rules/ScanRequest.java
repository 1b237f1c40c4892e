package dev.cemap.rules;

import dev.cemap.emulator.CeVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the user asked to scan.
 *
 * @param paths        files and folders given on the command line
 * @param target       the CE version the code is built for
 * @param includeDirs  extra include folders ({@code -I})
 * @param defines      extra macros ({@code -D}); a value of "1" when none was given
 * @param exclusions   files and folders under {@code paths} that are not scanned
 */
public record ScanRequest(List<Path> paths, CeVersion target, List<Path> includeDirs,
        Map<String, String> defines, PathExclusions exclusions) {

    public ScanRequest {
        paths = List.copyOf(paths);
        includeDirs = List.copyOf(includeDirs);
        defines = Map.copyOf(defines);
        exclusions = exclusions == null ? PathExclusions.NONE : exclusions;
    }

    /** A request that excludes nothing below its paths. */
    public ScanRequest(List<Path> paths, CeVersion target, List<Path> includeDirs, Map<String, String> defines) {
        this(paths, target, includeDirs, defines, PathExclusions.NONE);
    }
}
