package dev.cemap.rules;

import java.nio.file.Path;

/**
 * What a scan tells while it runs, for a progress display. Called from the scanner's worker
 * threads: implementations are thread-safe.
 */
public interface ScanListener {

    ScanListener NONE = new ScanListener() {
        @Override
        public void stage(ScanStage stage, int files) {
        }

        @Override
        public void fileDone(Path file) {
        }
    };

    /**
     * A stage begins, or goes on with more files (the index's later rounds): {@code files} more
     * files will each be reported once through {@link #fileDone}. The analysis stage goes through
     * every source file of the scan, skipped ones included.
     */
    void stage(ScanStage stage, int files);

    /** One file is through the current stage. */
    void fileDone(Path file);
}
