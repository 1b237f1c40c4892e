package dev.cemap.cli.progress;

import java.nio.file.Path;

/**
 * What a scan reports while it runs. The scanner calls it from its worker threads, so every
 * implementation is thread-safe.
 */
public interface ScanProgress {

    /** Reports nothing. */
    ScanProgress NONE = new ScanProgress() {
        @Override
        public void started(int totalFiles) {
        }

        @Override
        public void fileDone(Path file) {
        }

        @Override
        public void finished() {
        }
    };

    /** The scan knows how many source files it will go through (skipped ones included). */
    void started(int totalFiles);

    /** One file is through: analysed, skipped by the pre-scan, or failed. Once per file. */
    void fileDone(Path file);

    /** The scan is over; no call follows. */
    void finished();
}
