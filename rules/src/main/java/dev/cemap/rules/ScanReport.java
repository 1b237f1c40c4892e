package dev.cemap.rules;

import dev.cemap.analyzer.model.Notification;
import dev.cemap.emulator.CeVersion;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of a scan, in deterministic order.
 *
 * @param sourceRoot     the folder all reported paths are relative to (SARIF {@code %SRCROOT%})
 * @param target         the CE version that was modelled
 * @param findings       sorted by location, then rule id
 * @param notifications  files not analysed or analysed partially, sorted by location
 * @param filesFound     C/C++ source files found under the scanned paths
 * @param filesAnalysed  files parsed and replayed
 */
public record ScanReport(Path sourceRoot, CeVersion target, List<Finding> findings,
        List<Notification> notifications, int filesFound, int filesAnalysed) {

    public ScanReport {
        findings = List.copyOf(findings);
        notifications = List.copyOf(notifications);
    }
}
