package dev.cemap.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.analyzer.model.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationSummaryTest {

    private final Path root = Path.of("/bsp").toAbsolutePath();
    private final CompilerStyleLines style = new CompilerStyleLines(new ReportPaths(root));

    private Notification missingHeader(int i) {
        return Notification.at("header-not-found", Level.NOTE,
                SourceLocation.of(root.resolve("drivers/d" + i + ".c"), 3, 1), "header sal.h not found; read as empty");
    }

    @Test
    void aFewNotificationsAreListedOneByOne() {
        List<Notification> few = List.of(missingHeader(1), missingHeader(2));
        assertThat(NotificationSummary.lines(few, style, false))
                .containsExactly(style.notification(few.get(0)), style.notification(few.get(1)));
    }

    @Test
    void manyAreCountedByKindButErrorsAreStillListed() {
        List<Notification> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(missingHeader(i));
        }
        Notification unreadable = Notification.at("read-error", Level.ERROR,
                SourceLocation.of(root.resolve("drivers/gone.c"), 1, 1), "cannot read the file");
        many.add(unreadable);
        many.add(Notification.global("prescan-skipped", Level.NOTE, "12 of 40 source files were not parsed"));

        List<String> lines = NotificationSummary.lines(many, style, false);

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo(style.notification(unreadable));
        assertThat(lines.get(1)).startsWith("cemap: note: 30 × [header-not-found], the first: drivers/d0.c:3:1:");
        assertThat(lines.get(2)).isEqualTo(style.notification(many.get(31)));
        assertThat(lines.get(3)).contains("32 notifications in all").contains("--verbose");
    }

    @Test
    void verboseListsEveryOne() {
        List<Notification> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(missingHeader(i));
        }
        assertThat(NotificationSummary.lines(many, style, true)).hasSize(30);
    }
}
