package dev.cemap.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTrackerTest {

    private final FakeClock clock = new FakeClock();
    private final ProgressTracker tracker = new ProgressTracker(clock);

    private void files(int count) {
        for (int i = 0; i < count; i++) {
            tracker.fileDone(Path.of("f" + i + ".c"));
        }
    }

    @Test
    void countsFilesAgainstTheTotal() {
        tracker.started(200);
        files(50);
        clock.advanceMillis(2_000);

        ProgressTracker.Snapshot snapshot = tracker.snapshot();

        assertThat(snapshot.done()).isEqualTo(50);
        assertThat(snapshot.total()).isEqualTo(200);
        assertThat(snapshot.percent()).isEqualTo(25);
        assertThat(snapshot.elapsed()).isEqualTo("0:02");
        assertThat(snapshot.filesPerSecond()).isCloseTo(25.0, within(0.01));
    }

    @Test
    void aNewStageCountsAfreshAndTheSameStageGoesOn() {
        tracker.stage("reading", 10);
        files(10);
        tracker.stage("indexing", 4);
        files(1);
        tracker.stage("indexing", 6); // the index's next round

        ProgressTracker.Snapshot snapshot = tracker.snapshot();

        assertThat(snapshot.stage()).isEqualTo("indexing");
        assertThat(snapshot.done()).isEqualTo(1);
        assertThat(snapshot.total()).isEqualTo(10);
    }

    @Test
    void theRateIsTheStagesOwn() {
        tracker.stage("reading", 1000);
        files(1000);
        clock.advanceMillis(1_000);
        tracker.snapshot();
        tracker.stage("analysing", 100);
        files(10);
        clock.advanceMillis(1_000);

        assertThat(tracker.snapshot().filesPerSecond()).isCloseTo(10.0, within(0.01));
    }

    @Test
    void totalIsUnknownUntilTheScannerSaysIt() {
        files(3);

        assertThat(tracker.snapshot().totalKnown()).isFalse();
        tracker.started(10);
        assertThat(tracker.snapshot().totalKnown()).isTrue();
    }

    @Test
    void rateIsTheRecentOneNotTheAverage() {
        tracker.started(100_000);
        files(10_000); // a fast start
        clock.advanceMillis(1_000);
        tracker.snapshot();
        // then 10 files a second for 20 s, sampled every second
        for (int second = 0; second < 20; second++) {
            files(10);
            clock.advanceMillis(1_000);
            tracker.snapshot();
        }
        files(10);
        clock.advanceMillis(1_000);

        assertThat(tracker.snapshot().filesPerSecond()).isCloseTo(10.0, within(1.0));
    }

    @Test
    void countsFromManyThreads() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(new Thread(() -> files(10_000)));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(tracker.snapshot().done()).isEqualTo(40_000);
    }

    @Test
    void anEmptyScanIsComplete() {
        tracker.started(0);

        assertThat(tracker.snapshot().percent()).isEqualTo(100);
    }

    @Test
    void elapsedShowsHoursPastAnHour() {
        clock.advanceMillis((3600 + 62) * 1000L);

        assertThat(tracker.snapshot().elapsed()).isEqualTo("1:01:02");
    }
}
