package dev.cemap.corpus;

import dev.cemap.cli.suppress.SourceComments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the markers of a corpus source. The grammar (one comment, {@code //} or {@code /* … *}{@code /}):
 *
 * <pre>
 * marker-comment  = clause { ";" clause }
 * clause          = ("expect" | "ok") [ "(" target { ("," | " ") target } ")" ] ":" rule { "," rule }
 * rule            = rule-id [ "{{" text "}}" ]
 * targets-comment = "cemap-targets:" target { ("," | " ") target }
 * target          = "ce5" | "ce6" | "ce7"
 * rule-id         = lower-case words joined by "-"
 * </pre>
 *
 * A marker applies to the line it is written on. {@code {{text}}} after an expected rule pins part
 * of the message: the finding must contain that text. A comment is a marker comment only when its text
 * starts with {@code expect} or {@code ok} followed by {@code :} or {@code (}; anything else is
 * prose, except that {@code expect:} in the middle of a comment is refused, since it is almost
 * always a misplaced marker. Every mistake is a {@link MarkerSyntaxException}: a wrong marker
 * would silently weaken the corpus.
 */
final class MarkerParser {

    static final List<String> ALL_TARGETS = List.of("ce5", "ce6", "ce7");
    static final List<String> DEFAULT_TARGETS = List.of("ce6");

    private static final String RULE_ID = "[a-z0-9]+(?:-[a-z0-9]+)*";

    private static final Pattern MARKER_START = Pattern.compile("^(expect|ok)\\s*[(:]");
    private static final String RULE = RULE_ID + "(?:\\s*\\{\\{[^{}]*\\}\\})?";
    private static final Pattern CLAUSE = Pattern.compile(
            "^(expect|ok)\\s*(?:\\(([^)]*)\\))?\\s*:\\s*(" + RULE + "(?:\\s*,\\s*" + RULE + ")*)\\s*$");
    private static final Pattern RULE_ITEM = Pattern.compile("(" + RULE_ID + ")\\s*(?:\\{\\{([^{}]*)\\}\\})?");
    private static final Pattern STRAY_EXPECT = Pattern.compile("\\bexpect\\s*(?:\\([^)]*\\))?\\s*:");
    private static final Pattern TARGETS_START = Pattern.compile("^cemap-targets\\s*:");
    private static final Pattern TARGETS = Pattern.compile("^cemap-targets\\s*:\\s*(.*?)\\s*$");

    private MarkerParser() {
    }

    static MarkedFile parse(Path file) {
        try {
            return parse(SourceBytes.decode(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line of a comment's text, so that a marker in a block comment has its own line. */
    private record CommentLine(int line, String text) {
    }

    /** The comments of the source, found as cemap finds its suppressions (string literals are not comments). */
    private static List<CommentLine> commentLines(String source) {
        List<CommentLine> lines = new ArrayList<>();
        for (SourceComments.Comment comment : SourceComments.of(source).comments()) {
            String[] texts = comment.text().split("\n", -1);
            for (int i = 0; i < texts.length; i++) {
                lines.add(new CommentLine(comment.line() + i, texts[i]));
            }
        }
        return lines;
    }

    static MarkedFile parse(String source) {
        List<String> targets = null;
        int targetsLine = 0;
        List<Marker> markers = new ArrayList<>();
        for (CommentLine piece : commentLines(source)) {
            String text = piece.text().trim();
            if (TARGETS_START.matcher(text).find()) {
                if (targets != null) {
                    throw new MarkerSyntaxException(piece.line(),
                            "second cemap-targets line (the first is on line " + targetsLine + ")");
                }
                targets = parseTargetsLine(piece.line(), text);
                targetsLine = piece.line();
            } else if (MARKER_START.matcher(text).find()) {
                for (String clause : clauses(text)) {
                    markers.addAll(parseClause(piece.line(), clause.trim()));
                }
            } else if (STRAY_EXPECT.matcher(text).find()) {
                throw new MarkerSyntaxException(piece.line(),
                        "'expect:' must start its comment: \"" + text + "\"");
            }
        }
        List<String> fileTargets = targets == null ? DEFAULT_TARGETS : targets;
        checkConsistency(markers, fileTargets);
        return new MarkedFile(fileTargets, markers);
    }

    private static List<String> parseTargetsLine(int line, String text) {
        Matcher matcher = TARGETS.matcher(text);
        if (!matcher.matches() || matcher.group(1).isEmpty()) {
            throw new MarkerSyntaxException(line, "cemap-targets needs at least one of " + ALL_TARGETS);
        }
        return List.copyOf(parseTargets(line, matcher.group(1)));
    }

    private static List<Marker> parseClause(int line, String clause) {
        Matcher matcher = CLAUSE.matcher(clause);
        if (!matcher.matches()) {
            throw new MarkerSyntaxException(line, "not a marker: \"" + clause
                    + "\" (expected e.g. 'expect: rule-id', 'expect(ce5): rule-a, rule-b' or 'ok: rule-id')");
        }
        Marker.Kind kind = matcher.group(1).equals("expect") ? Marker.Kind.EXPECT : Marker.Kind.OK;
        Set<String> targets = matcher.group(2) == null ? Set.of() : parseTargets(line, matcher.group(2));
        List<Marker> markers = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Matcher item = RULE_ITEM.matcher(matcher.group(3));
        while (item.find()) {
            String ruleId = item.group(1);
            if (!seen.add(ruleId)) {
                throw new MarkerSyntaxException(line, "rule " + ruleId + " named twice in one marker");
            }
            Optional<String> message = Optional.ofNullable(item.group(2)).map(String::trim);
            if (message.isPresent() && (kind == Marker.Kind.OK || message.get().isEmpty())) {
                throw new MarkerSyntaxException(line, "{{…}} pins a message of an expected finding and cannot be empty");
            }
            markers.add(new Marker(line, kind, ruleId, targets, message));
        }
        return markers;
    }

    /** The clauses of a marker comment: split at ";" outside {{…}}. */
    private static List<String> clauses(String text) {
        List<String> clauses = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.startsWith("{{", i)) {
                depth++;
                i++;
            } else if (text.startsWith("}}", i) && depth > 0) {
                depth--;
                i++;
            } else if (text.charAt(i) == ';' && depth == 0) {
                clauses.add(text.substring(start, i).trim());
                start = i + 1;
            }
        }
        clauses.add(text.substring(start).trim());
        return clauses;
    }

    private static Set<String> parseTargets(int line, String list) {
        String trimmed = list.trim();
        if (trimmed.isEmpty()) {
            throw new MarkerSyntaxException(line, "bad target list \"" + list + "\"; targets are " + ALL_TARGETS);
        }
        Set<String> targets = new LinkedHashSet<>();
        for (String target : trimmed.split("[\\s,]+")) {
            if (!ALL_TARGETS.contains(target)) {
                throw new MarkerSyntaxException(line, "unknown target " + target + "; targets are " + ALL_TARGETS);
            }
            if (!targets.add(target)) {
                throw new MarkerSyntaxException(line, "target " + target + " named twice");
            }
        }
        return targets;
    }

    /**
     * A marker for a target the file is not scanned with would never be checked, and a line that
     * both expects and excuses a rule for the same target contradicts itself.
     */
    private static void checkConsistency(List<Marker> markers, List<String> fileTargets) {
        Map<String, Marker> byLineRuleTarget = new HashMap<>();
        for (Marker marker : markers) {
            for (String target : marker.targets()) {
                if (!fileTargets.contains(target)) {
                    throw new MarkerSyntaxException(marker.line(), "marker for " + target
                            + " but the file is scanned only with " + fileTargets
                            + " (add it to a 'cemap-targets:' comment)");
                }
            }
            for (String target : marker.targets().isEmpty() ? fileTargets : List.copyOf(marker.targets())) {
                String key = marker.line() + " " + marker.ruleId() + " " + target;
                Marker earlier = byLineRuleTarget.putIfAbsent(key, marker);
                if (earlier != null) {
                    String what = earlier.kind() == marker.kind() ? "named twice" : "both expected and ok";
                    throw new MarkerSyntaxException(marker.line(),
                            "rule " + marker.ruleId() + " " + what + " for " + target);
                }
            }
        }
    }
}
