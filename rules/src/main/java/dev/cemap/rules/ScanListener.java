package dev.cemap.rules;

import java.nio.file.Path;

/**
 * What a scan tells while it runs, for a progress display. Called from the scanner's worker
 * threads: implementations are thread-safe.
 */
public interface ScanListener {

    ScanListener NONE = new ScanListener() {
        @Override
        public void started(int totalFiles) {
        }

        @Override
        public void fileDone(Path file) {
        }
    };

    /** The source files the scan will go through, skipped ones included. */
    void started(int totalFiles);

    /** One file is through: analysed, skipped by the pre-scan, or failed. Once per file. */
    void fileDone(Path file);
}
