package dev.cemap.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report does not depend on how many files are analysed at once. */
class ParallelScanTest {

    @Test
    void oneAndTwoThreadsWriteByteIdenticalSarif(@TempDir Path work) throws IOException {
        byte[] oneThread = scan(work.resolve("jobs-1.sarif"), "1");
        byte[] twoThreads = scan(work.resolve("jobs-2.sarif"), "2");

        assertThat(oneThread).isNotEmpty();
        assertThat(twoThreads).as("SARIF with --jobs 2 equals SARIF with --jobs 1").isEqualTo(oneThread);
    }

    private static byte[] scan(Path sarif, String jobs) throws IOException {
        List<String> args = List.of("scan", "--no-progress", "--jobs", jobs, "--format", "sarif",
                "--output", sarif.toString(), Corpus.root().toString());
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.describe(args)).isEqualTo(1);
        return Files.readAllBytes(sarif);
    }
}
