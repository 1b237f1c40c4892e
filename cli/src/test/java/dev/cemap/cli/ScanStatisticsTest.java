package dev.cemap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ScanStatisticsTest {

    @Test
    void withThePrescanCount() {
        ScanStatistics stats = new ScanStatistics(10_000, 312, OptionalInt.of(9_680), new int[] {2, 3, 9}, 37,
                Duration.ofMillis(41_300));

        assertThat(stats.lines()).containsExactly(
                "cemap: stats: 10000 files found, 312 analysed, 9680 skipped by the pre-scan, 8 not analysed (see the notifications)",
                "cemap: stats: 14 notifications (2 errors, 3 warnings, 9 notes), 37 findings",
                "cemap: stats: wall time 41.3 s (242 files/s)");
    }

    @Test
    void withoutThePrescanCount() {
        ScanStatistics stats = new ScanStatistics(20, 18, OptionalInt.empty(), new int[] {1, 0, 0}, 0,
                Duration.ofSeconds(2));

        assertThat(stats.lines().get(0)).isEqualTo("cemap: stats: 20 files found, 18 analysed, 2 not analysed");
    }

    @Test
    void everythingAnalysed() {
        ScanStatistics stats = new ScanStatistics(5, 5, OptionalInt.of(0), new int[3], 0, Duration.ZERO);

        assertThat(stats.lines()).containsExactly(
                "cemap: stats: 5 files found, 5 analysed, 0 skipped by the pre-scan",
                "cemap: stats: 0 notifications (0 errors, 0 warnings, 0 notes), 0 findings",
                "cemap: stats: wall time 0.0 s (0 files/s)");
    }
}
