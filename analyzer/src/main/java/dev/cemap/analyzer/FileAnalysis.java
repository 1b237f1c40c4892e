package dev.cemap.analyzer;

import dev.cemap.analyzer.model.Notification;
import dev.cemap.analyzer.replay.FunctionReplay;
import java.nio.file.Path;
import java.util.List;

/**
 * What the analyzer learned from one source file.
 *
 * @param file           the file
 * @param analysed       false when it could not be parsed at all (a notification says why)
 * @param functions      the replay of every function defined in it that calls a mapping API
 * @param notifications  problems met on the way
 */
public record FileAnalysis(Path file, boolean analysed, List<FunctionReplay> functions,
        List<Notification> notifications) {

    public FileAnalysis {
        functions = List.copyOf(functions);
        notifications = List.copyOf(notifications);
    }
}
