package dev.cemap.cli.output;

import dev.cemap.rules.RuleInfo;
import java.util.ArrayList;
import java.util.List;

/** The rule catalogue as printed by {@code cemap rules}. */
public final class RuleListing {

    private static final String COLUMN_GAP = "  ";

    private RuleListing() {
    }

    /** One line per rule: id, level and summary in aligned columns. */
    public static List<String> text(List<RuleInfo> rules) {
        int idWidth = rules.stream().mapToInt(rule -> rule.id().length()).max().orElse(0);
        int levelWidth = rules.stream().mapToInt(rule -> rule.level().sarifName().length()).max().orElse(0);
        List<String> lines = new ArrayList<>(rules.size());
        for (RuleInfo rule : rules) {
            lines.add(pad(rule.id(), idWidth) + COLUMN_GAP + pad(rule.level().sarifName(), levelWidth)
                    + COLUMN_GAP + CompilerStyleLines.oneLine(rule.summary()));
        }
        return lines;
    }

    /** A markdown table, for documentation pages. */
    public static List<String> markdown(List<RuleInfo> rules) {
        List<String> lines = new ArrayList<>(rules.size() + 2);
        lines.add("| Rule | Default level | Summary |");
        lines.add("|---|---|---|");
        for (RuleInfo rule : rules) {
            lines.add("| `" + rule.id() + "` | " + rule.level().sarifName() + " | "
                    + CompilerStyleLines.oneLine(rule.summary()).replace("|", "\\|") + " |");
        }
        return lines;
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
