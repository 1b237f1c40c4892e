package dev.cemap.analyzer.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Conditions written the way romimage and makeimg's preprocessor read them: words compared as
 * text after {@code $(NAME)} substitution. {@code IF X}, {@code IF X !}, {@code IF LOCALE=0411},
 * {@code IF (A && B) || C}, and {@code #if $(BSP_NOUSB)==$()} (the variable is not set) or
 * {@code #if $(LOCALE)!=0409}.
 *
 * <p>romimage's own rules (parser.cpp): a word is true unless it is empty or {@code false};
 * {@code =} compares like {@code ==}; in an {@code IF} line only the first word is a variable name
 * (the rest are text) and a {@code !} after a word negates it. An unknown variable becomes an
 * unknown of the {@link Condition}: {@code IF X} is "X is set", {@code IF X=0411} is "X is 0411".
 */
final class TextComparison {

    private final List<String> tokens;
    private final BuildVariables variables;
    private int position;
    private boolean malformed;

    private TextComparison(List<String> tokens, BuildVariables variables) {
        this.tokens = tokens;
        this.variables = variables;
    }

    /**
     * @param cefilter an {@code IF} line: its first word names a variable, and {@code X !} is
     *                 {@code ! X}
     * @return the condition; an opaque unknown, written as the text, when the text is not a condition
     */
    static Condition evaluate(String text, boolean cefilter, BuildVariables variables) {
        List<String> tokens = tokenize(text.replace("$()", "\"\""));
        if (cefilter && !tokens.isEmpty() && !tokens.get(0).contains("$(") && isWord(tokens.get(0))) {
            tokens.set(0, "$(" + tokens.get(0) + ")");
        }
        if (cefilter) {
            for (int i = 0; i + 1 < tokens.size(); i++) {
                if (tokens.get(i + 1).equals("!") && isWord(tokens.get(i))) {
                    tokens.set(i + 1, tokens.get(i));
                    tokens.set(i, "!");
                    i++;
                }
            }
        }
        TextComparison parser = new TextComparison(tokens, variables);
        Condition condition = tokens.isEmpty() ? null : parser.or();
        if (condition == null || parser.malformed || parser.position != tokens.size()) {
            return Condition.expression(text);
        }
        return condition;
    }

    /** romimage's tokenizer: operators split words, blanks and quotes separate them. */
    static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
            char c = text.charAt(i);
            if (two.equals("==") || two.equals("!=") || two.equals("&&") || two.equals("||")) {
                tokens.add(two);
                i += 2;
            } else if (c == '=' || c == '!' || c == '(' || c == ')') {
                tokens.add(c == '=' ? "==" : String.valueOf(c));
                i++;
            } else if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                tokens.add("\"\""); // an empty word: what $() stands for
                i += 2;
            } else if (Character.isWhitespace(c) || c == '"' || c == '\'') {
                i++;
            } else {
                // romimage needs blanks around parentheses and operators; cemap also reads them without.
                int start = i;
                while (i < text.length() && !endsWord(text, i)) {
                    if (text.startsWith("$(", i)) {
                        int close = text.indexOf(')', i);
                        i = close < 0 ? text.length() : close + 1;
                    } else {
                        i++;
                    }
                }
                tokens.add(text.substring(start, i));
            }
        }
        return tokens;
    }

    private static boolean endsWord(String text, int i) {
        char c = text.charAt(i);
        return Character.isWhitespace(c) || "=\"'()".indexOf(c) >= 0 || text.startsWith("!=", i)
                || text.startsWith("&&", i) || text.startsWith("||", i);
    }

    private static boolean isWord(String token) {
        return !List.of("==", "!=", "&&", "||", "!", "(", ")").contains(token);
    }

    private Condition or() {
        Condition left = and();
        while (left != null && accept("||")) {
            Condition right = and();
            left = right == null ? null : left.or(right);
        }
        return left;
    }

    private Condition and() {
        Condition left = comparison();
        while (left != null && accept("&&")) {
            Condition right = comparison();
            left = right == null ? null : left.and(right);
        }
        return left;
    }

    /** {@code a == b}, {@code a != b}, or a word on its own (true when set). */
    private Condition comparison() {
        if (position < tokens.size() && (tokens.get(position).equals("!") || tokens.get(position).equals("("))) {
            return unary();
        }
        String left = word();
        if (left == null) {
            return null;
        }
        if (accept("==") || accept("!=")) {
            boolean equal = tokens.get(position - 1).equals("==");
            String right = word();
            if (right == null) {
                return null;
            }
            Condition same = equality(left, right);
            return equal ? same : same.not();
        }
        return truth(left);
    }

    private Condition unary() {
        if (accept("!")) {
            Condition operand = comparison();
            return operand == null ? null : operand.not();
        }
        accept("(");
        Condition inner = or();
        if (!accept(")")) {
            malformed = true;
            return null;
        }
        return inner;
    }

    private String word() {
        if (position >= tokens.size() || !isWord(tokens.get(position))) {
            malformed = true;
            return null;
        }
        return tokens.get(position++);
    }

    private boolean accept(String token) {
        if (position < tokens.size() && tokens.get(position).equals(token)) {
            position++;
            return true;
        }
        return false;
    }

    /** A word's truth: every value it can take, each under its condition. */
    private Condition truth(String word) {
        Condition holds = Condition.NEVER;
        for (Value value : values(word)) {
            holds = holds.or(value.when().and(switch (value.kind()) {
                case TEXT -> value.text().isEmpty() || value.text().equalsIgnoreCase("false")
                        ? Condition.NEVER : Condition.ALWAYS;
                case VARIABLE -> Condition.set(value.text());
                case UNKNOWN -> Condition.expression(value.text());
            }));
        }
        return holds;
    }

    private Condition equality(String leftWord, String rightWord) {
        Condition holds = Condition.NEVER;
        for (Value left : values(leftWord)) {
            for (Value right : values(rightWord)) {
                holds = holds.or(left.when().and(right.when()).and(equal(left, right)));
            }
        }
        return holds;
    }

    private static Condition equal(Value left, Value right) {
        if (left.kind() == Value.Kind.TEXT && right.kind() == Value.Kind.TEXT) {
            return left.text().equalsIgnoreCase(right.text()) ? Condition.ALWAYS : Condition.NEVER;
        }
        if (left.kind() == Value.Kind.VARIABLE && right.kind() == Value.Kind.TEXT) {
            return Condition.equalTo(left.text(), right.text());
        }
        if (left.kind() == Value.Kind.TEXT && right.kind() == Value.Kind.VARIABLE) {
            return Condition.equalTo(right.text(), left.text());
        }
        return left.equals(right) ? Condition.ALWAYS : Condition.expression(left.written() + "==" + right.written());
    }

    /** What a word can be: text, an unknown variable, or text around unknowns. */
    private record Value(Kind kind, String text, Condition when) {
        enum Kind { TEXT, VARIABLE, UNKNOWN }

        String written() {
            return kind == Kind.VARIABLE ? "$(" + text + ")" : text;
        }
    }

    private List<Value> values(String word) {
        if (word.equals("\"\"")) {
            return List.of(new Value(Value.Kind.TEXT, "", Condition.ALWAYS));
        }
        List<Value> values = new ArrayList<>();
        for (BuildVariables.Expansion expansion : variables.expand(word, Condition.ALWAYS)) {
            String text = expansion.text();
            List<BuildVariables.Reference> left = BuildVariables.Reference.all(text);
            if (left.isEmpty()) {
                values.add(new Value(Value.Kind.TEXT, text, expansion.when()));
            } else if (left.size() == 1 && left.get(0).start() == 0 && left.get(0).end() == text.length()) {
                values.add(new Value(Value.Kind.VARIABLE, left.get(0).name(), expansion.when()));
            } else {
                values.add(new Value(Value.Kind.UNKNOWN, text.toUpperCase(Locale.ROOT), expansion.when()));
            }
        }
        return values;
    }
}
