package dev.cemap.analyzer.frontend;

/**
 * Makes CDT join lines where the Microsoft compiler does. MSVC joins a line to the next only where
 * a backslash is the last character of the line; CDT, like GCC, also joins when spaces or tabs
 * separate the backslash from the line end. BSP headers have such backslashes at the end of
 * {@code //} comments ({@code // mode B read & write\   }): to CDT the next line, often the
 * {@code };} that closes a union or a struct, becomes part of the comment, the declaration never
 * ends, and every declaration after it, up to the end of the including file, is swallowed into one
 * broken declaration (no function definitions, a syntax error at the file's last brace).
 *
 * <p>Such a backslash is replaced by a space before parsing, which is what it is to MSVC (in a
 * comment, nothing at all). Every other character stays where it was, so offsets and line numbers
 * are those of the file on disk. A backslash directly before the line end is left alone: both
 * compilers join there.
 */
final class MsvcLineSplices {

    private MsvcLineSplices() {
    }

    /** The text with its backslash-space-newline sequences unjoined; the same object when there are none. */
    static String unjoinSpacedSplices(String text) {
        char[] chars = null;
        int length = text.length();
        for (int backslash = text.indexOf('\\'); backslash >= 0; backslash = text.indexOf('\\', backslash + 1)) {
            int end = backslash + 1;
            while (end < length && isHorizontalSpace(text.charAt(end))) {
                end++;
            }
            if (end > backslash + 1 && end < length && isLineEnd(text.charAt(end))) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[backslash] = ' ';
            }
        }
        return chars == null ? text : new String(chars);
    }

    /** The characters CDT skips between a backslash and the newline it joins (the carriage return of CR LF aside). */
    private static boolean isHorizontalSpace(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\u000B';
    }

    private static boolean isLineEnd(char c) {
        return c == '\n' || c == '\r';
    }
}
