package dev.cemap.analyzer;

import dev.cemap.analyzer.check.Diagnostic;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.analyzer.replay.FunctionReplay;
import java.nio.file.Path;
import java.util.List;

/**
 * What the analyzer learned from one source file.
 *
 * @param file             the file
 * @param analysed         false when it could not be parsed at all (a notification says why)
 * @param functions        the replay of every function defined in it that met a mapping call or
 *                         made a checker report
 * @param fileDiagnostics  what checkers reported about the file itself (its {@code #define}s)
 * @param notifications    problems met on the way
 */
public record FileAnalysis(Path file, boolean analysed, List<FunctionReplay> functions,
        List<Diagnostic> fileDiagnostics, List<Notification> notifications) {

    public FileAnalysis {
        functions = List.copyOf(functions);
        fileDiagnostics = List.copyOf(fileDiagnostics);
        notifications = List.copyOf(notifications);
    }

    /** A file that was not analysed, or a result assembled elsewhere. */
    public FileAnalysis(Path file, boolean analysed, List<FunctionReplay> functions, List<Notification> notifications) {
        this(file, analysed, functions, List.of(), notifications);
    }
}
