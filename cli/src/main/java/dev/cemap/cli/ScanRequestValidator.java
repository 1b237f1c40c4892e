package dev.cemap.cli;

import dev.cemap.cli.config.Defines;
import dev.cemap.emulator.CeVersion;
import dev.cemap.rules.ScanRequest;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every check on {@code cemap scan}'s arguments that picocli cannot do itself, in one place, so
 * that every rejected command line fails the same way (exit status 2, one message).
 */
final class ScanRequestValidator {

    private ScanRequestValidator() {
    }

    /**
     * @throws UsageException naming the first problem found
     */
    static ScanRequest validate(List<Path> paths, CeVersion target, List<Path> includeDirs,
            List<String> defines, Path output) {
        if (paths == null || paths.isEmpty()) {
            throw new UsageException("no PATH to scan given");
        }
        List<Path> scanPaths = new ArrayList<>();
        for (Path path : paths) {
            Path absolute = absolute(path);
            if (!Files.exists(absolute)) {
                throw new UsageException("no such file or directory: " + path);
            }
            scanPaths.add(absolute);
        }
        List<Path> includes = new ArrayList<>();
        for (Path dir : includeDirs) {
            Path absolute = absolute(dir);
            if (!Files.isDirectory(absolute)) {
                throw new UsageException("include directory not found: " + dir);
            }
            includes.add(absolute);
        }
        if (output != null && Files.isDirectory(absolute(output))) {
            throw new UsageException("--output names a directory, not a file: " + output);
        }
        return new ScanRequest(scanPaths, target, includes, parseDefines(defines));
    }

    /** {@code NAME} or {@code NAME=VALUE}; later definitions of a name win, as in a compiler. */
    static Map<String, String> parseDefines(List<String> defines) {
        Map<String, String> macros = new LinkedHashMap<>();
        for (String define : defines) {
            try {
                Map.Entry<String, String> macro = Defines.parse(define);
                macros.put(macro.getKey(), macro.getValue());
            } catch (IllegalArgumentException e) {
                throw new UsageException("-D: " + e.getMessage());
            }
        }
        return macros;
    }

    static Path absolute(Path path) {
        try {
            return path.toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new UsageException("not a valid path: " + path);
        }
    }
}
