package dev.cemap.analyzer;

import dev.cemap.analyzer.model.MacroDefinition;
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
 * @param macros         the object-like {@code #define}s of the file and of the tree's headers it
 *                       includes (not of bundled SDK headers), for rules on the code's own constants
 */
public record FileAnalysis(Path file, boolean analysed, List<FunctionReplay> functions,
        List<Notification> notifications, List<MacroDefinition> macros) {

    public FileAnalysis {
        functions = List.copyOf(functions);
        notifications = List.copyOf(notifications);
        macros = List.copyOf(macros);
    }

    /** Without macro facts: a file that was not parsed, or a result assembled elsewhere. */
    public FileAnalysis(Path file, boolean analysed, List<FunctionReplay> functions, List<Notification> notifications) {
        this(file, analysed, functions, notifications, List.of());
    }
}
