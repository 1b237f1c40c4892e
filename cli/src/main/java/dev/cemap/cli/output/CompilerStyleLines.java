package dev.cemap.cli.output;

import dev.cemap.analyzer.model.Notification;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.rules.Finding;
import dev.cemap.rules.FlowStep;
import java.util.ArrayList;
import java.util.List;

/**
 * Formats findings and notifications the way compilers do ({@code path:line:col: level: message}),
 * so editors and CI log parsers can jump to them.
 */
public final class CompilerStyleLines {

    static final String FLOW_INDENT = "    ";

    private final ReportPaths paths;

    public CompilerStyleLines(ReportPaths paths) {
        this.paths = paths;
    }

    /** The finding's own line, then one indented note line per step of its flow. */
    public List<String> finding(Finding finding) {
        List<String> lines = new ArrayList<>(1 + finding.flow().size());
        lines.add(position(finding.location()) + ": " + finding.level().sarifName() + ": "
                + oneLine(finding.message()) + " [" + finding.ruleId() + "]");
        for (FlowStep step : finding.flow()) {
            lines.add(FLOW_INDENT + position(step.location()) + ": note: " + oneLine(step.message()));
        }
        for (FlowStep place : finding.related()) {
            lines.add(FLOW_INDENT + position(place.location()) + ": note: " + oneLine(place.message()));
        }
        if (!finding.otherFlows().isEmpty()) {
            int more = finding.otherFlows().size();
            lines.add(FLOW_INDENT + "note: " + more + " more path" + (more == 1 ? "" : "s")
                    + " lead here (code flows in the SARIF report)");
        }
        return lines;
    }

    /** One line; "cemap" stands in for the position when the notification concerns the whole run. */
    public String notification(Notification notification) {
        String where = notification.location().map(this::position).orElse(ToolInfo.NAME);
        return where + ": " + notification.level().sarifName() + ": " + oneLine(notification.message())
                + " [" + notification.id() + "]";
    }

    private String position(SourceLocation location) {
        return paths.display(location.file()) + ":" + location.line() + ":" + location.column();
    }

    /** A message with a line break would split one diagnostic into two for log parsers. */
    static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
