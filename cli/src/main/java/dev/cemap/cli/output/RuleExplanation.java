package dev.cemap.cli.output;

import dev.cemap.rules.RuleInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code cemap explain RULE} prints, all of it from the rule's {@link RuleInfo}: the summary,
 * the description, and the help with its example and fix; then the rule's link, when the docs'
 * URL is configured.
 */
public final class RuleExplanation {

    private RuleExplanation() {
    }

    /** For a terminal: the help's Markdown as plain text, code blocks indented. */
    public static List<String> text(RuleInfo rule, RuleDocs docs) {
        List<String> lines = new ArrayList<>();
        lines.add(rule.id() + ": " + CompilerStyleLines.oneLine(rule.summary()));
        lines.add("Default level: " + rule.level().sarifName() + " · precision: " + rule.precision()
                + " · tags: " + String.join(", ", rule.tags()));
        lines.add("");
        lines.add(CompilerStyleLines.oneLine(rule.description()));
        lines.add("");
        MarkdownText.plain(rule.help()).lines().forEach(lines::add);
        docs.forRule(rule.id()).ifPresent(url -> {
            lines.add("");
            lines.add("Documentation: " + url);
        });
        return lines;
    }

    /** The rule's section of the rule reference, as a page of its own. */
    public static List<String> markdown(RuleInfo rule, RuleDocs docs) {
        List<String> lines = new ArrayList<>();
        lines.add("# `" + rule.id() + "`: " + CompilerStyleLines.oneLine(rule.summary()));
        lines.add("");
        lines.addAll(RuleListing.markdownBody(rule));
        docs.forRule(rule.id()).ifPresent(url -> {
            lines.add("");
            lines.add("Documentation: <" + url + ">");
        });
        return lines;
    }
}
