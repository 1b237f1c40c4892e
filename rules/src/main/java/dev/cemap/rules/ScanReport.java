package dev.cemap.rules;

import dev.cemap.analyzer.FileAnalysis;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.analyzer.project.BspFacts;
import dev.cemap.analyzer.project.ProjectModel;
import dev.cemap.emulator.CeVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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
 * @param project        the BSP model the scan used, when it had one
 * @param analyses       what each analysed file's replay met, in file order (the porting report
 *                       reads its mapping calls)
 */
public record ScanReport(Path sourceRoot, CeVersion target, List<Finding> findings,
        List<Notification> notifications, int filesFound, int filesAnalysed, int filesSkipped,
        Optional<ProjectModel> project, List<FileAnalysis> analyses) {

    public ScanReport {
        findings = List.copyOf(findings);
        notifications = List.copyOf(notifications);
        analyses = List.copyOf(analyses);
    }

    public ScanReport(Path sourceRoot, CeVersion target, List<Finding> findings, List<Notification> notifications,
            int filesFound, int filesAnalysed, int filesSkipped, ProjectModel project, List<FileAnalysis> analyses) {
        this(sourceRoot, target, findings, notifications, filesFound, filesAnalysed, filesSkipped,
                Optional.of(project), analyses);
    }

    /** A report assembled without a scan (tests, samples): no project, no analyses. */
    public ScanReport(Path sourceRoot, CeVersion target, List<Finding> findings, List<Notification> notifications,
            int filesFound, int filesAnalysed, int filesSkipped) {
        this(sourceRoot, target, findings, notifications, filesFound, filesAnalysed, filesSkipped, Optional.empty(),
                List.of());
    }

    /** A report of a scan that skipped nothing. */
    public ScanReport(Path sourceRoot, CeVersion target, List<Finding> findings, List<Notification> notifications,
            int filesFound, int filesAnalysed) {
        this(sourceRoot, target, findings, notifications, filesFound, filesAnalysed, 0);
    }

    /** What the scan knew of the BSP; nothing when it had no model. */
    public BspFacts bsp() {
        return project.<BspFacts>map(p -> p).orElse(BspFacts.NONE);
    }
}
