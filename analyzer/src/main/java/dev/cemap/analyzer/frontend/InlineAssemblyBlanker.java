package dev.cemap.analyzer.frontend;

/**
 * Replaces MSVC inline assembly ({@code __asm { … }}, {@code __asm mov eax, 1}, {@code _asm …})
 * with spaces before parsing: CDT cannot parse it, and the analysis has no use for it. Line ends
 * and backslash-newline continuations are kept, so every offset and line number stays that of
 * the file on disk and a {@code #define} that contains assembly still ends where it did.
 * GNU {@code __asm(…)} / {@code __asm__(…)} statements are left alone: CDT parses them.
 */
final class InlineAssemblyBlanker {

    private InlineAssemblyBlanker() {
    }

    /** The text with its MSVC inline assembly blanked; the same object when there is none. */
    static String blank(String text) {
        if (!text.contains("_asm")) {
            return text;
        }
        char[] chars = text.toCharArray();
        boolean changed = false;
        int i = 0;
        while (i < chars.length) {
            char c = chars[i];
            if (c == '/' && i + 1 < chars.length && chars[i + 1] == '/') {
                i = endOfLine(chars, i);
            } else if (c == '/' && i + 1 < chars.length && chars[i + 1] == '*') {
                int close = indexOf(chars, "*/", i + 2);
                i = close < 0 ? chars.length : close + 2;
            } else if (c == '"' || c == '\'') {
                i = endOfQuoted(chars, i);
            } else if (isIdentifierStart(c)) {
                int end = endOfIdentifier(chars, i);
                if (isAsmKeyword(chars, i, end)) {
                    int blockEnd = endOfAsm(chars, end);
                    if (blockEnd > end) {
                        blankRange(chars, i, blockEnd);
                        changed = true;
                        i = blockEnd;
                        continue;
                    }
                }
                i = end;
            } else {
                i++;
            }
        }
        return changed ? new String(chars) : text;
    }

    private static boolean isAsmKeyword(char[] chars, int start, int end) {
        int length = end - start;
        return (length == 5 && new String(chars, start, 5).equals("__asm"))
                || (length == 4 && new String(chars, start, 4).equals("_asm"));
    }

    /**
     * Where the assembly that follows the keyword ends: after the matching brace of a block (which
     * may open on the next line), or at the end of the line for the one-line form; {@code from}
     * itself when it is a GNU {@code __asm(…)}.
     */
    private static int endOfAsm(char[] chars, int from) {
        int next = skipSpace(chars, from, true);
        if (next < chars.length && chars[next] == '(') {
            return from;
        }
        if (next < chars.length && chars[next] == '{') {
            return endOfBlock(chars, next);
        }
        return endOfAsmLine(chars, from);
    }

    /** A braced block; {@code ;} and {@code //} start assembler comments, which may contain braces. */
    private static int endOfBlock(char[] chars, int open) {
        int depth = 0;
        int i = open;
        while (i < chars.length) {
            char c = chars[i];
            if (c == ';' || (c == '/' && i + 1 < chars.length && chars[i + 1] == '/')) {
                i = endOfLine(chars, i);
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return chars.length;
    }

    /**
     * The one-line form runs to the end of the line, its {@code ;} comment included; an unmatched
     * {@code }} before the comment closes the enclosing C block and is kept.
     */
    private static int endOfAsmLine(char[] chars, int from) {
        int i = from;
        while (i < chars.length && chars[i] != '\n' && chars[i] != '\r') {
            if (chars[i] == ';' || (chars[i] == '/' && i + 1 < chars.length && chars[i + 1] == '/')) {
                return endOfLine(chars, i);
            }
            if (chars[i] == '}') {
                return i;
            }
            if (chars[i] == '\\' && i + 1 < chars.length && (chars[i + 1] == '\n' || chars[i + 1] == '\r')) {
                return i;
            }
            i++;
        }
        return i;
    }

    private static void blankRange(char[] chars, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = chars[i];
            boolean lineEnd = c == '\n' || c == '\r';
            boolean continuation = c == '\\' && i + 1 < chars.length && (chars[i + 1] == '\n' || chars[i + 1] == '\r');
            if (!lineEnd && !continuation) {
                chars[i] = ' ';
            }
        }
    }

    private static int skipSpace(char[] chars, int from, boolean acrossLines) {
        int i = from;
        while (i < chars.length) {
            char c = chars[i];
            if (c == ' ' || c == '\t' || c == '\f' || ((c == '\n' || c == '\r') && acrossLines)) {
                i++;
            } else if (c == '\\' && i + 1 < chars.length && (chars[i + 1] == '\n' || chars[i + 1] == '\r')) {
                i++;
            } else {
                return i;
            }
        }
        return i;
    }

    /** The index of the line end (not consumed). */
    private static int endOfLine(char[] chars, int from) {
        int i = from;
        while (i < chars.length && chars[i] != '\n' && chars[i] != '\r') {
            i++;
        }
        return i;
    }

    private static int endOfQuoted(char[] chars, int open) {
        char quote = chars[open];
        int i = open + 1;
        while (i < chars.length) {
            char c = chars[i];
            if (c == '\\') {
                i += 2;
            } else if (c == quote || c == '\n') {
                return i + 1;
            } else {
                i++;
            }
        }
        return chars.length;
    }

    private static int indexOf(char[] chars, String what, int from) {
        outer:
        for (int i = from; i <= chars.length - what.length(); i++) {
            for (int k = 0; k < what.length(); k++) {
                if (chars[i + k] != what.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean isIdentifierStart(char c) {
        return c == '_' || Character.isLetter(c);
    }

    private static int endOfIdentifier(char[] chars, int start) {
        int i = start;
        while (i < chars.length && (chars[i] == '_' || Character.isLetterOrDigit(chars[i]))) {
            i++;
        }
        return i;
    }
}
