package dev.cemap.cli.suppress;

import dev.cemap.analyzer.model.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code cemap-suppress} comment: {@code // cemap-suppress rule-id[, rule-id…][: reason]}, or the
 * same in a block comment.
 *
 * @param location    the comment itself
 * @param targetLine  the line it covers: its own when code stands beside it, otherwise the next
 *                    line of code after it and the comment lines right below it
 * @param ruleIds     the rules it silences, as written
 * @param reason      the justification, white space folded; empty when none was given
 * @param problem     why the comment cannot be read as a suppression; empty when it can
 */
public record SuppressionComment(SourceLocation location, int targetLine, List<String> ruleIds, String reason,
        Optional<String> problem) {

    static final String KEYWORD = "cemap-suppress";
    static final String SYNTAX = "// " + KEYWORD + " rule-id: reason";

    /** Doxygen-style markers ({@code ///}, {@code //!}, {@code /**}) and the stars of a boxed block comment. */
    private static final Pattern DECORATION = Pattern.compile("^[/*!\\s]*");
    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern BLOCK_LINE_STAR = Pattern.compile("(?m)^\\s*\\*+(?!/)");

    public SuppressionComment {
        ruleIds = List.copyOf(ruleIds);
    }

    /** The suppressions among a file's comments. */
    public static List<SuppressionComment> in(Path file, SourceComments source) {
        List<SuppressionComment> found = new ArrayList<>();
        for (SourceComments.Comment comment : source.comments()) {
            read(file, source, comment).ifPresent(found::add);
        }
        return found;
    }

    private static Optional<SuppressionComment> read(Path file, SourceComments source, SourceComments.Comment comment) {
        String text = comment.block() ? BLOCK_LINE_STAR.matcher(comment.text()).replaceAll(" ") : comment.text();
        text = DECORATION.matcher(text).replaceFirst("");
        if (!text.startsWith(KEYWORD)) {
            return Optional.empty();
        }
        String rest = text.substring(KEYWORD.length());
        if (!rest.isEmpty() && !Character.isWhitespace(rest.charAt(0)) && rest.charAt(0) != ':') {
            return Optional.empty(); // "cemap-suppressions are…": prose, not a suppression
        }
        SourceLocation location = new SourceLocation(file, comment.line(), comment.column(), comment.endLine(),
                comment.endColumn());
        int target = targetLine(source, comment);
        int colon = rest.indexOf(':');
        String rules = (colon < 0 ? rest : rest.substring(0, colon)).strip();
        String reason = colon < 0 ? "" : fold(rest.substring(colon + 1));
        List<String> ids = new ArrayList<>();
        for (String id : rules.split("\\s*,\\s*")) {
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        Optional<String> problem = Optional.empty();
        if (ids.isEmpty()) {
            problem = Optional.of("names no rule");
        } else {
            for (String id : ids) {
                if (!RULE_ID.matcher(id).matches()) {
                    problem = Optional.of("'" + id + "' is not a rule id (rule ids are separated by commas, "
                            + "the reason follows a colon)");
                    break;
                }
            }
        }
        return Optional.of(new SuppressionComment(location, target, ids, reason, problem));
    }

    /**
     * Beside code, the comment covers that line; alone on its line(s), it covers the next line of
     * code, past further comment lines (several suppressions can be stacked above one call).
     */
    private static int targetLine(SourceComments source, SourceComments.Comment comment) {
        if (source.codeBefore(comment)) {
            return comment.line();
        }
        if (source.codeAfter(comment)) {
            return comment.endLine();
        }
        int line = comment.endLine() + 1;
        while (line < source.lineCount() && source.isCommentOnly(line)) {
            line++;
        }
        return line;
    }

    private static String fold(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    public Path file() {
        return location.file();
    }

    /** The comment as a reader would quote it. */
    String describe() {
        return KEYWORD + " " + String.join(", ", ruleIds);
    }
}
