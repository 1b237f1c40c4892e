package dev.cemap.cli.output;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.Notification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a person reads on stderr about the tool's own trouble. A whole BSP gives hundreds of
 * missing-header and syntax notes, most of them in files that change nothing; listed one by one
 * they bury the findings. Up to {@link #LIST_LIMIT} they are listed; beyond, errors (a file that
 * was not analysed) are still listed and the rest become one line per kind with its count and
 * first place. The SARIF report always has every one.
 */
public final class NotificationSummary {

    /** Notifications listed one per line before the rest are counted by kind. */
    public static final int LIST_LIMIT = 20;

    private NotificationSummary() {
    }

    public static List<String> lines(List<Notification> notifications, CompilerStyleLines style, boolean verbose) {
        List<String> lines = new ArrayList<>();
        if (verbose || notifications.size() <= LIST_LIMIT) {
            notifications.forEach(n -> lines.add(style.notification(n)));
            return lines;
        }
        Map<String, List<Notification>> byKind = new LinkedHashMap<>();
        for (Notification notification : notifications) {
            if (notification.level() == Level.ERROR) {
                lines.add(style.notification(notification));
            } else {
                byKind.computeIfAbsent(notification.id() + " " + notification.level().sarifName(), k -> new ArrayList<>())
                        .add(notification);
            }
        }
        for (List<Notification> kind : byKind.values()) {
            Notification first = kind.get(0);
            if (kind.size() == 1) {
                lines.add(style.notification(first));
                continue;
            }
            lines.add("cemap: " + first.level().sarifName() + ": " + kind.size() + " × [" + first.id()
                    + "], the first: " + style.notification(first));
        }
        lines.add("cemap: note: " + notifications.size() + " notifications in all, counted by kind above; --verbose lists each,"
                + " and the SARIF report has them all");
        return lines;
    }
}
