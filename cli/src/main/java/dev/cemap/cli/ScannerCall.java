package dev.cemap.cli;

import dev.cemap.cli.progress.ScanProgress;
import dev.cemap.rules.Rule;
import dev.cemap.rules.ScanReport;
import dev.cemap.rules.ScanRequest;
import java.util.List;

/** Runs one scan, reporting its progress as it goes. */
@FunctionalInterface
public interface ScannerCall {

    /**
     * @param rules    the rules to run (those the configuration left on)
     * @param threads  how many files to analyse at once ({@code --jobs})
     */
    ScanReport scan(ScanRequest request, List<Rule> rules, int threads, ScanProgress progress);
}
