package dev.cemap.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {

    private final FakeClock clock = new FakeClock();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String err() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private ProgressDisplay display(ProgressRenderer renderer) {
        return new ProgressDisplay(new ProgressTracker(clock), renderer, null);
    }

    private static void files(ScanProgress progress, int count) {
        for (int i = 0; i < count; i++) {
            progress.fileDone(Path.of("drivers/f" + i + ".c"));
        }
    }

    @Test
    void barShowsFilesPercentRateAndTime() {
        ProgressDisplay display = display(new ProgressBar(err));
        display.started(10_000);
        files(display, 1234);
        clock.advanceMillis(41_000);

        display.tick();

        assertThat(err()).isEqualTo("\rcemap: [##......................]  1234/10000 files  12%  30 files/s  0:41");
    }

    @Test
    void barIsRedrawnInPlaceAndErasedAtTheEnd() {
        ProgressDisplay display = display(new ProgressBar(err));
        display.started(2);
        files(display, 1);
        clock.advanceMillis(1_000);
        display.tick();
        files(display, 1);
        display.finished();

        String text = err();
        assertThat(text).doesNotContain("\n");
        assertThat(text).contains("1/2 files  50%", "2/2 files  100%");
        // the last thing written blanks the line and returns to its start
        assertThat(text).endsWith(" ".repeat(10) + "\r");
    }

    @Test
    void eachStageHasItsBarAndLines() {
        ProgressDisplay bar = display(new ProgressBar(err));
        bar.stage("reading", 1000);
        files(bar, 1000);
        bar.stage("indexing", 40);
        files(bar, 10);
        clock.advanceMillis(2_000);

        bar.tick();

        assertThat(err()).isEqualTo("\rcemap: indexing  [######..................]  10/40 files  25%  5 files/s  0:02");
    }

    @Test
    void linesNameTheStage() {
        ProgressDisplay display = display(new ProgressLines(err));
        display.stage("analysing", 300);
        files(display, 150);
        clock.advanceMillis(5_000);

        display.tick();

        assertThat(err().lines()).containsExactly("cemap: analysing 150/300 files (50%), 30 files/s, 0:05");
    }

    @Test
    void aScannerThatDoesNotCountShowsTheTimeOnly() {
        ProgressDisplay display = display(new ProgressBar(err));
        clock.advanceMillis(12_000);

        display.tick();

        assertThat(err()).isEqualTo("\rcemap: scanning  0:12");
    }

    @Test
    void linesArePlainAndEndWithDone() {
        ProgressDisplay display = display(new ProgressLines(err));
        display.started(300);
        files(display, 100);
        clock.advanceMillis(5_000);
        display.tick();
        files(display, 200);
        clock.advanceMillis(5_000);
        display.finished();

        assertThat(err().lines()).containsExactly(
                "cemap: 100/300 files (33%), 20 files/s, 0:05",
                "cemap: 300/300 files (100%), 40 files/s, 0:10, done");
    }

    @Test
    void aShortScanPrintsNoLines() {
        ProgressDisplay display = display(new ProgressLines(err));
        display.started(3);
        files(display, 3);

        display.finished();

        assertThat(err()).isEmpty();
    }

    @Test
    void nothingIsDrawnAfterTheEnd() {
        ProgressDisplay display = display(new ProgressLines(err));
        display.started(3);
        display.finished();
        display.tick();
        display.close();

        assertThat(err()).isEmpty();
    }

    @Test
    void noneDrawsNothingWithItsTimerOff() {
        ProgressDisplay display = ProgressDisplay.start(ProgressMode.NONE, err);
        display.started(3);
        files(display, 3);
        display.finished();

        assertThat(err()).isEmpty();
    }

    @Test
    void theTimerDrawsTheBarWhileTheScanRuns() throws InterruptedException {
        try (ProgressDisplay display = ProgressDisplay.start(ProgressMode.BAR, err)) {
            display.started(5);
            files(display, 2);
            Thread.sleep(ProgressDisplay.BAR_PERIOD.toMillis() * 3);
            assertThat(err()).contains("2/5 files");
        }
    }

    @Test
    void autoIsABarOnATerminalAndLinesOtherwise() {
        assertThat(ProgressMode.AUTO.resolve(true)).isEqualTo(ProgressMode.BAR);
        assertThat(ProgressMode.AUTO.resolve(false)).isEqualTo(ProgressMode.LINES);
        assertThat(ProgressMode.NONE.resolve(true)).isEqualTo(ProgressMode.NONE);
        assertThat(ProgressMode.BAR.resolve(false)).isEqualTo(ProgressMode.BAR);
    }
}
