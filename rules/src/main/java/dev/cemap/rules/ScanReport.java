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
 * @param filesSkipped   files the pre-scan left out: they name no mapping API, wrapper or memory
 *                       constant, so nothing in them can be reported
 */
public record ScanReport(Path sourceRoot, CeVersion target, List<Finding> findings,
        List<Notification> notifications, int filesFound, int filesAnalysed, int filesSkipped) {

    public ScanReport {
        findings = List.copyOf(findings);
        notifications = List.copyOf(notifications);
    }

    /** A report of a scan that skipped nothing. */
    public ScanReport(Path sourceRoot, CeVersion target, List<Finding> findings, List<Notification> notifications,
            int filesFound, int filesAnalysed) {
        this(sourceRoot, target, findings, notifications, filesFound, filesAnalysed, 0);
    }
}
