package dev.cemap.cli.output;

import java.util.regex.Pattern;

/**
 * Derives SARIF's plain-text help from the markdown help of a rule, for viewers that cannot
 * render markdown. It only removes the markup that reads badly as text.
 */
final class MarkdownText {

    private static final Pattern FENCE_LINE = Pattern.compile("(?m)^[ \\t]*(```|~~~).*(\\R|\\z)");
    private static final Pattern HEADING_MARK = Pattern.compile("(?m)^#{1,6}\\s+");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(([^)\\s]+)\\)");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(\\S(?:.*?\\S)?)\\1");

    private MarkdownText() {
    }

    static String plain(String markdown) {
        String text = FENCE_LINE.matcher(markdown).replaceAll("");
        text = HEADING_MARK.matcher(text).replaceAll("");
        text = LINK.matcher(text).replaceAll("$1 ($2)");
        text = STRONG.matcher(text).replaceAll("$2");
        return text.strip();
    }
}
