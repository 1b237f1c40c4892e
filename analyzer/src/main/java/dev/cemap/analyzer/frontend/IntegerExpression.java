package dev.cemap.analyzer.frontend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Evaluates integer expressions written as text outside a C parse: macro bodies
 * ({@code (0x400)}, {@code ((DWORD)0x200L)}), {@code #if} lines of {@code platform.reg} and
 * {@code .bib} files, operands of ARM {@code DCD} lines. C operators and precedence, C literals
 * with their suffixes ({@code u}, {@code l}, {@code i64}), casts to the integer types CE code uses
 * (ignored: every value is carried in 64 bits), {@code defined NAME} / {@code defined(NAME)}.
 *
 * <p>Unknown is a result, not an error: an identifier the {@link Names} do not know makes the
 * expression unknown, except where C's short-circuit rules decide anyway ({@code 0 && X} is 0,
 * {@code 1 || X} is 1). Text that is not an expression is unknown too; nothing here throws.
 */
public final class IntegerExpression {

    /** What identifiers stand for. */
    public interface Names {
        /** The value of an identifier; empty when unknown. */
        OptionalLong value(String name);

        /** Whether {@code name} is defined; empty when that cannot be known. */
        Optional<Boolean> isDefined(String name);
    }

    /** No identifier is known, nothing is known to be defined. */
    public static final Names NO_NAMES = new Names() {
        @Override
        public OptionalLong value(String name) {
            return OptionalLong.empty();
        }

        @Override
        public Optional<Boolean> isDefined(String name) {
            return Optional.empty();
        }
    };

    /** Type names a cast in a CE constant may use; a parenthesised run of these is a cast. */
    private static final Set<String> TYPE_WORDS = Set.of("DWORD", "ULONG", "UINT", "UINT32", "UINT16", "UINT8",
            "LONG", "INT", "INT32", "WORD", "USHORT", "SHORT", "BYTE", "UCHAR", "CHAR", "BOOL", "BOOLEAN",
            "ULONG_PTR", "DWORD_PTR", "UINT_PTR", "LONG_PTR", "INT_PTR", "SIZE_T", "size_t", "int", "long",
            "unsigned", "signed", "short", "char", "__int64", "__int32", "const", "volatile", "HANDLE", "PVOID",
            "LPVOID", "PBYTE", "PUCHAR", "void", "VOID", "*");

    private final List<String> tokens;
    private final Names names;
    private int position;
    private boolean malformed;

    private IntegerExpression(List<String> tokens, Names names) {
        this.tokens = tokens;
        this.names = names;
    }

    /** The value of {@code text}, when it is a constant expression over known names. */
    public static OptionalLong evaluate(String text, Names names) {
        List<String> tokens = tokenize(text);
        if (tokens.isEmpty()) {
            return OptionalLong.empty();
        }
        IntegerExpression parser = new IntegerExpression(tokens, names);
        OptionalLong value = parser.conditional();
        if (parser.malformed || parser.position != tokens.size()) {
            return OptionalLong.empty();
        }
        return value;
    }

    /** A literal-only expression: every identifier is unknown. */
    public static OptionalLong evaluate(String text) {
        return evaluate(text, NO_NAMES);
    }

    /**
     * The identifiers an expression names, in order, without repeats: what its value depends on.
     * {@code defined} and the type words of casts are not names.
     */
    public static List<String> identifiers(String text) {
        List<String> names = new ArrayList<>();
        for (String token : tokenize(text)) {
            char first = token.charAt(0);
            if ((Character.isLetter(first) || first == '_') && !token.equals("defined") && !TYPE_WORDS.contains(token)
                    && !names.contains(token)) {
                names.add(token);
            }
        }
        return names;
    }

    /** A C integer literal with optional suffix ({@code 0x400}, {@code 1024UL}, {@code 0x1i64}, {@code 017}). */
    public static OptionalLong parseLiteral(String literal) {
        String text = literal.strip().toLowerCase(Locale.ROOT);
        if (text.endsWith("i64") || text.endsWith("i32")) {
            text = text.substring(0, text.length() - 3);
        }
        while (!text.isEmpty() && (text.endsWith("u") || text.endsWith("l"))) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            if (text.startsWith("0x")) {
                return text.length() > 2 && text.length() <= 18
                        ? OptionalLong.of(Long.parseUnsignedLong(text.substring(2), 16)) : OptionalLong.empty();
            }
            if (text.length() > 1 && text.startsWith("0")) {
                return OptionalLong.of(Long.parseUnsignedLong(text.substring(1), 8));
            }
            return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseUnsignedLong(text));
        } catch (NumberFormatException notANumber) {
            return OptionalLong.empty();
        }
    }

    static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                int start = i;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                        || text.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(text.substring(start, i));
            } else {
                String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
                if (List.of("<<", ">>", "&&", "||", "==", "!=", "<=", ">=").contains(two)) {
                    tokens.add(two);
                    i += 2;
                } else {
                    tokens.add(String.valueOf(c));
                    i++;
                }
            }
        }
        return tokens;
    }

    // Precedence climbing, lowest first: ?:, ||, &&, |, ^, &, == !=, < > <= >=, << >>, + -, * / %, unary.

    private OptionalLong conditional() {
        OptionalLong condition = logicalOr();
        if (!accept("?")) {
            return condition;
        }
        OptionalLong whenTrue = conditional();
        expect(":");
        OptionalLong whenFalse = conditional();
        if (condition.isEmpty()) {
            return whenTrue.equals(whenFalse) ? whenTrue : OptionalLong.empty();
        }
        return condition.getAsLong() != 0 ? whenTrue : whenFalse;
    }

    private OptionalLong logicalOr() {
        OptionalLong left = logicalAnd();
        while (accept("||")) {
            OptionalLong right = logicalAnd();
            if (isTrue(left) || isTrue(right)) {
                left = OptionalLong.of(1);
            } else if (left.isPresent() && right.isPresent()) {
                left = OptionalLong.of(0);
            } else {
                left = OptionalLong.empty();
            }
        }
        return left;
    }

    private OptionalLong logicalAnd() {
        OptionalLong left = bitOr();
        while (accept("&&")) {
            OptionalLong right = bitOr();
            if (isFalse(left) || isFalse(right)) {
                left = OptionalLong.of(0);
            } else if (left.isPresent() && right.isPresent()) {
                left = OptionalLong.of(1);
            } else {
                left = OptionalLong.empty();
            }
        }
        return left;
    }

    private OptionalLong bitOr() {
        OptionalLong left = bitXor();
        while (peek("|")) {
            position++;
            left = combine(left, bitXor(), (a, b) -> a | b);
        }
        return left;
    }

    private OptionalLong bitXor() {
        OptionalLong left = bitAnd();
        while (accept("^")) {
            left = combine(left, bitAnd(), (a, b) -> a ^ b);
        }
        return left;
    }

    private OptionalLong bitAnd() {
        OptionalLong left = equality();
        while (peek("&")) {
            position++;
            left = combine(left, equality(), (a, b) -> a & b);
        }
        return left;
    }

    private OptionalLong equality() {
        OptionalLong left = relational();
        while (true) {
            if (accept("==")) {
                left = combine(left, relational(), (a, b) -> a == b ? 1 : 0);
            } else if (accept("!=")) {
                left = combine(left, relational(), (a, b) -> a != b ? 1 : 0);
            } else {
                return left;
            }
        }
    }

    private OptionalLong relational() {
        OptionalLong left = shift();
        while (true) {
            if (accept("<")) {
                left = combine(left, shift(), (a, b) -> a < b ? 1 : 0);
            } else if (accept(">")) {
                left = combine(left, shift(), (a, b) -> a > b ? 1 : 0);
            } else if (accept("<=")) {
                left = combine(left, shift(), (a, b) -> a <= b ? 1 : 0);
            } else if (accept(">=")) {
                left = combine(left, shift(), (a, b) -> a >= b ? 1 : 0);
            } else {
                return left;
            }
        }
    }

    private OptionalLong shift() {
        OptionalLong left = additive();
        while (true) {
            if (accept("<<")) {
                left = combine(left, additive(), (a, b) -> b >= 0 && b < 64 ? a << b : 0);
            } else if (accept(">>")) {
                left = combine(left, additive(), (a, b) -> b >= 0 && b < 64 ? a >>> b : 0);
            } else {
                return left;
            }
        }
    }

    private OptionalLong additive() {
        OptionalLong left = multiplicative();
        while (true) {
            if (accept("+")) {
                left = combine(left, multiplicative(), Long::sum);
            } else if (accept("-")) {
                left = combine(left, multiplicative(), (a, b) -> a - b);
            } else {
                return left;
            }
        }
    }

    private OptionalLong multiplicative() {
        OptionalLong left = unary();
        while (true) {
            if (accept("*")) {
                left = combine(left, unary(), (a, b) -> a * b);
            } else if (accept("/")) {
                OptionalLong right = unary();
                left = isZero(right) ? OptionalLong.empty() : combine(left, right, Long::divideUnsigned);
            } else if (accept("%")) {
                OptionalLong right = unary();
                left = isZero(right) ? OptionalLong.empty() : combine(left, right, Long::remainderUnsigned);
            } else {
                return left;
            }
        }
    }

    private OptionalLong unary() {
        if (accept("-")) {
            return map(unary(), a -> -a);
        }
        if (accept("+")) {
            return unary();
        }
        if (accept("~")) {
            return map(unary(), a -> ~a);
        }
        if (accept("!")) {
            return map(unary(), a -> a == 0 ? 1 : 0);
        }
        if (peek("(") && isCast()) {
            skipCast();
            return unary();
        }
        return primary();
    }

    private OptionalLong primary() {
        if (position >= tokens.size()) {
            malformed = true;
            return OptionalLong.empty();
        }
        String token = tokens.get(position++);
        if (token.equals("(")) {
            OptionalLong inner = conditional();
            expect(")");
            return inner;
        }
        if (token.equals("defined")) {
            return defined();
        }
        if (Character.isDigit(token.charAt(0))) {
            OptionalLong literal = parseLiteral(token);
            if (literal.isEmpty()) {
                malformed = true;
            }
            return literal;
        }
        if (Character.isLetter(token.charAt(0)) || token.charAt(0) == '_') {
            return names.value(token);
        }
        if (token.equals("$") && accept("(")) {
            // $(NAME): the build's variable syntax inside preprocessed .reg/.bib lines.
            String name = position < tokens.size() ? tokens.get(position++) : "";
            expect(")");
            return names.value(name);
        }
        malformed = true;
        return OptionalLong.empty();
    }

    private OptionalLong defined() {
        boolean parenthesised = accept("(");
        if (position >= tokens.size()) {
            malformed = true;
            return OptionalLong.empty();
        }
        String name = tokens.get(position++);
        if (parenthesised) {
            expect(")");
        }
        return names.isDefined(name).map(d -> OptionalLong.of(d ? 1 : 0)).orElse(OptionalLong.empty());
    }

    /** {@code (DWORD)}, {@code (unsigned long)}, {@code (PVOID)}: a parenthesised run of type words. */
    private boolean isCast() {
        int i = position + 1;
        boolean sawWord = false;
        while (i < tokens.size() && !tokens.get(i).equals(")")) {
            if (!TYPE_WORDS.contains(tokens.get(i))) {
                return false;
            }
            sawWord = true;
            i++;
        }
        return sawWord && i < tokens.size() && i + 1 < tokens.size();
    }

    private void skipCast() {
        while (!tokens.get(position).equals(")")) {
            position++;
        }
        position++;
    }

    private boolean peek(String token) {
        // '|' and '&' must not be read as the first half of '||' / '&&': the tokenizer already split those.
        return position < tokens.size() && tokens.get(position).equals(token);
    }

    private boolean accept(String token) {
        if (peek(token)) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            malformed = true;
        }
    }

    private static boolean isTrue(OptionalLong v) {
        return v.isPresent() && v.getAsLong() != 0;
    }

    private static boolean isFalse(OptionalLong v) {
        return v.isPresent() && v.getAsLong() == 0;
    }

    private static boolean isZero(OptionalLong v) {
        return v.isPresent() && v.getAsLong() == 0;
    }

    private static OptionalLong combine(OptionalLong a, OptionalLong b, java.util.function.LongBinaryOperator op) {
        return a.isPresent() && b.isPresent() ? OptionalLong.of(op.applyAsLong(a.getAsLong(), b.getAsLong()))
                : OptionalLong.empty();
    }

    private static OptionalLong map(OptionalLong a, java.util.function.LongUnaryOperator op) {
        return a.isPresent() ? OptionalLong.of(op.applyAsLong(a.getAsLong())) : OptionalLong.empty();
    }
}
