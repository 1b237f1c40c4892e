package dev.cemap.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the comments of a C/C++ source, so that marker-like text inside string literals or code
 * is never taken for a marker. A block comment spanning lines yields one piece per line, each
 * with the line it is on. Lines are counted on {@code \n}, as the analyzer counts them; a
 * preceding {@code \r} (CRLF files) is dropped from the text.
 */
final class SourceComments {

    /** The text of a comment (without {@code //}, {@code /*}, {@code *}{@code /}) on one line. */
    record Piece(int line, String text) {
    }

    private final String source;
    private final List<Piece> pieces = new ArrayList<>();
    private int pos;
    private int line = 1;

    private SourceComments(String source) {
        this.source = source;
    }

    static List<Piece> of(String source) {
        SourceComments scanner = new SourceComments(source);
        scanner.scan();
        return scanner.pieces;
    }

    private void scan() {
        while (pos < source.length()) {
            char c = source.charAt(pos);
            char next = charAt(pos + 1);
            if (c == '\n') {
                line++;
                pos++;
            } else if (c == '/' && next == '/') {
                lineComment();
            } else if (c == '/' && next == '*') {
                blockComment();
            } else if (c == '"' || c == '\'') {
                literal(c);
            } else {
                pos++;
            }
        }
    }

    private void lineComment() {
        int start = pos + 2;
        int end = start;
        while (end < source.length() && source.charAt(end) != '\n') {
            end++;
        }
        pieces.add(new Piece(line, stripCr(source.substring(start, end))));
        pos = end;
    }

    private void blockComment() {
        int start = pos + 2;
        int j = start;
        while (j < source.length() && !(source.charAt(j) == '*' && charAt(j + 1) == '/')) {
            if (source.charAt(j) == '\n') {
                pieces.add(new Piece(line, stripCr(source.substring(start, j))));
                line++;
                start = j + 1;
            }
            j++;
        }
        pieces.add(new Piece(line, source.substring(start, j)));
        pos = Math.min(j + 2, source.length());
    }

    /** Skips a string or character literal; an unterminated one ends at the end of its line. */
    private void literal(char quote) {
        pos++;
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (c == '\\') {
                if (charAt(pos + 1) == '\r' && charAt(pos + 2) == '\n') {
                    line++; // a CRLF line continuation inside the literal
                    pos += 3;
                } else {
                    if (charAt(pos + 1) == '\n') {
                        line++; // a line continuation inside the literal
                    }
                    pos += 2;
                }
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

    private char charAt(int index) {
        return index < source.length() ? source.charAt(index) : '\0';
    }

    private static String stripCr(String text) {
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
