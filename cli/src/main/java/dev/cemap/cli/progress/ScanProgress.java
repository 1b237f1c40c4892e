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
        public void stage(String name, int files) {
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

    /**
     * A stage of the scan begins over {@code files} files ({@code reading}, {@code indexing},
     * {@code analysing}), each then reported once through {@link #fileDone}; the same stage named
     * again goes on with that many more files.
     */
    void stage(String name, int files);

    /** One file is through the current stage (the analysis: analysed, skipped by the pre-scan, or failed). */
    void fileDone(Path file);

    /** The scan is over; no call follows. */
    void finished();
}
