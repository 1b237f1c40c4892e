package dev.cemap.cli.suppress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The comments of a C or C++ source and which lines hold code, from one pass over the text that
 * knows string and character literals (raw strings included), so that comment-like text inside a
 * literal is never taken for a comment. Lines are counted on {@code \n} and columns in UTF-16 code
 * units, both from 1, as the analyzer counts them.
 */
public final class SourceComments {

    /**
     * One comment.
     *
     * @param line       where it starts
     * @param column     the column of its opening {@code //} or {@code /*}
     * @param endLine    where it ends (a block comment or a {@code //} continued with {@code \})
     * @param endColumn  the column just after its last character
     * @param text       what is between the delimiters, line breaks kept, {@code \r} dropped
     * @param block      a {@code /* … *}{@code /} comment rather than a {@code //} one
     */
    public record Comment(int line, int column, int endLine, int endColumn, String text, boolean block) {
    }

    private final String source;
    private final List<Comment> comments = new ArrayList<>();
    private final BitSet commentLines = new BitSet();
    /** Per line, the first and last column holding code (0: none). */
    private int[] firstCode = new int[64];
    private int[] lastCode = new int[64];
    private int pos;
    private int line = 1;
    private int lineStart;

    private SourceComments(String source) {
        this.source = source;
    }

    public static SourceComments of(String source) {
        SourceComments scanner = new SourceComments(source);
        scanner.scan();
        return scanner;
    }

    public List<Comment> comments() {
        return List.copyOf(comments);
    }

    /** The number of the last line. */
    public int lineCount() {
        return line;
    }

    public boolean hasCode(int lineNumber) {
        return lineNumber < firstCode.length && firstCode[lineNumber] > 0;
    }

    /** No code, but (part of) a comment: such lines sit between a suppression and its line. */
    public boolean isCommentOnly(int lineNumber) {
        return commentLines.get(lineNumber) && !hasCode(lineNumber);
    }

    /** Whether code stands before the comment on its first line. */
    public boolean codeBefore(Comment comment) {
        return hasCode(comment.line()) && firstCode[comment.line()] < comment.column();
    }

    /** Whether code follows the comment on its last line. */
    public boolean codeAfter(Comment comment) {
        return hasCode(comment.endLine()) && lastCode[comment.endLine()] >= comment.endColumn();
    }

    private void scan() {
        while (pos < source.length()) {
            char c = source.charAt(pos);
            char next = charAt(pos + 1);
            if (c == '\n') {
                newLine(pos + 1);
                pos++;
            } else if (c == '/' && next == '/') {
                comment(false);
            } else if (c == '/' && next == '*') {
                comment(true);
            } else if (c == '"' || c == '\'') {
                code(pos);
                literal(c);
            } else if (c == 'R' && next == '"' && startsRawString()) {
                code(pos);
                rawString();
            } else {
                if (!Character.isWhitespace(c)) {
                    code(pos);
                }
                pos++;
            }
        }
    }

    private void comment(boolean block) {
        int startLine = line;
        int startColumn = column(pos);
        commentLines.set(line);
        pos += 2;
        StringBuilder text = new StringBuilder();
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (block && c == '*' && charAt(pos + 1) == '/') {
                pos += 2;
                break;
            }
            if (!block && c == '\n' && !continued()) {
                break;
            }
            if (c == '\n') {
                dropTrailingContinuation(text, block);
                newLine(pos + 1);
                commentLines.set(line);
            }
            if (c != '\r') {
                text.append(c);
            }
            pos++;
        }
        comments.add(new Comment(startLine, startColumn, line, column(pos), text.toString(), block));
    }

    /** A {@code //} comment goes on past a line that ends with a backslash (translation phase 2). */
    private boolean continued() {
        int back = pos - 1;
        if (back >= 0 && source.charAt(back) == '\r') {
            back--;
        }
        return back >= 0 && source.charAt(back) == '\\';
    }

    private static void dropTrailingContinuation(StringBuilder text, boolean block) {
        if (!block && !text.isEmpty() && text.charAt(text.length() - 1) == '\\') {
            text.setLength(text.length() - 1);
        }
    }

    /** Skips a string or character literal; an unterminated one ends at the end of its line. */
    private void literal(char quote) {
        pos++;
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (c == '\\') {
                pos++;
                if (pos < source.length() && source.charAt(pos) == '\r') {
                    pos++;
                }
                if (pos < source.length() && source.charAt(pos) == '\n') {
                    newLine(pos + 1); // a line continuation inside the literal
                }
                pos++;
            } else if (c == quote) {
                pos++;
                return;
            } else if (c == '\n') {
                return;
            } else {
                pos++;
            }
        }
    }

    /** {@code R"delim(} after nothing that makes the R part of a longer name ({@code u8R}, {@code LR} do). */
    private boolean startsRawString() {
        int before = pos - 1;
        String prefix = "";
        while (before >= 0 && Character.isJavaIdentifierPart(source.charAt(before))) {
            prefix = source.charAt(before) + prefix;
            before--;
        }
        return prefix.isEmpty() || prefix.equals("u8") || prefix.equals("u") || prefix.equals("U")
                || prefix.equals("L");
    }

    private void rawString() {
        int open = source.indexOf('(', pos + 2);
        int lineEnd = source.indexOf('\n', pos);
        if (open < 0 || (lineEnd >= 0 && open > lineEnd) || open - pos - 2 > 16) {
            pos += 2; // not a raw string after all: read on as code
            return;
        }
        String terminator = ")" + source.substring(pos + 2, open) + "\"";
        int close = source.indexOf(terminator, open + 1);
        int end = close < 0 ? source.length() : close + terminator.length();
        for (int i = pos; i < end; i++) {
            if (source.charAt(i) == '\n') {
                newLine(i + 1);
                code(i + 1);
            }
        }
        pos = end;
    }

    private void code(int at) {
        ensureLine(line);
        int column = column(at);
        if (firstCode[line] == 0) {
            firstCode[line] = column;
        }
        lastCode[line] = Math.max(lastCode[line], column);
    }

    private void newLine(int start) {
        line++;
        lineStart = start;
    }

    private int column(int at) {
        return at - lineStart + 1;
    }

    private void ensureLine(int number) {
        if (number >= firstCode.length) {
            int size = Math.max(number + 1, firstCode.length * 2);
            firstCode = Arrays.copyOf(firstCode, size);
            lastCode = Arrays.copyOf(lastCode, size);
        }
    }

    private char charAt(int index) {
        return index < source.length() ? source.charAt(index) : '\0';
    }
}
