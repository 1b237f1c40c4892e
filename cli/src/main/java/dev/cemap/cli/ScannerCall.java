package dev.cemap.cli;

import dev.cemap.cli.progress.ScanProgress;
import dev.cemap.rules.ScanReport;
import dev.cemap.rules.ScanRequest;

/** Runs one scan, reporting its progress as it goes. */
@FunctionalInterface
public interface ScannerCall {

    ScanReport scan(ScanRequest request, ScanProgress progress);
}
