package dev.cemap.cli.output;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives SARIF's plain-text help from the markdown help of a rule, for viewers that cannot
 * render markdown. It only removes the markup that reads badly as text.
 */
final class MarkdownText {

    private static final Pattern FENCED_BLOCK =
            Pattern.compile("(?ms)^[ \\t]*(```|~~~)[^\\n]*\\R(.*?)^[ \\t]*\\1[ \\t]*$\\R?");
    private static final Pattern HEADING_MARK = Pattern.compile("(?m)^#{1,6}\\s+");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(([^)\\s]+)\\)");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(\\S(?:.*?\\S)?)\\1");
    private static final String CODE_INDENT = "    ";

    private MarkdownText() {
    }

    static String plain(String markdown) {
        String text = indentCodeBlocks(markdown);
        text = HEADING_MARK.matcher(text).replaceAll("");
        text = LINK.matcher(text).replaceAll("$1 ($2)");
        text = STRONG.matcher(text).replaceAll("$2");
        return text.strip();
    }

    /** Fences become an indented block, which plain text readers recognise as code. */
    private static String indentCodeBlocks(String markdown) {
        Matcher block = FENCED_BLOCK.matcher(markdown);
        StringBuilder text = new StringBuilder();
        while (block.find()) {
            String code = block.group(2).replaceAll("(?m)^(?=.)", CODE_INDENT);
            block.appendReplacement(text, Matcher.quoteReplacement(code));
        }
        block.appendTail(text);
        return text.toString();
    }
}
