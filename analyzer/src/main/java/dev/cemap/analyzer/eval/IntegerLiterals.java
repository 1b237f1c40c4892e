package dev.cemap.analyzer.eval;

import java.util.Locale;
import java.util.OptionalLong;

/** Parses C integer and character literals as MSVC writes them (hex, octal, u/l/ll/i64 suffixes). */
public final class IntegerLiterals {

    private IntegerLiterals() {
    }

    public static OptionalLong parseInteger(String literal) {
        String text = stripSuffix(literal.trim().replace("'", "").toLowerCase(Locale.ROOT));
        try {
            if (text.startsWith("0x")) {
                return OptionalLong.of(Long.parseUnsignedLong(text.substring(2), 16));
            }
            if (text.startsWith("0b")) {
                return OptionalLong.of(Long.parseUnsignedLong(text.substring(2), 2));
            }
            if (text.length() > 1 && text.startsWith("0")) {
                return OptionalLong.of(Long.parseUnsignedLong(text.substring(1), 8));
            }
            return OptionalLong.of(Long.parseUnsignedLong(text));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Plain one-character literals, the common escapes and multi-character constants; wide ones are unknown. */
    public static OptionalLong parseCharacter(String literal) {
        String text = literal.trim();
        if (text.length() < 3 || text.charAt(0) != '\'' || text.charAt(text.length() - 1) != '\'') {
            return OptionalLong.empty();
        }
        String body = text.substring(1, text.length() - 1);
        if (body.length() == 1) {
            return OptionalLong.of(body.charAt(0));
        }
        return switch (body) {
            case "\\0" -> OptionalLong.of(0);
            case "\\n" -> OptionalLong.of('\n');
            case "\\r" -> OptionalLong.of('\r');
            case "\\t" -> OptionalLong.of('\t');
            case "\\\\" -> OptionalLong.of('\\');
            case "\\'" -> OptionalLong.of('\'');
            default -> multiCharacter(body);
        };
    }

    /**
     * MSVC's multi-character constants ({@code 'spiD'}, the cookie of many device contexts): up
     * to four plain characters, the first in the highest byte.
     */
    private static OptionalLong multiCharacter(String body) {
        if (body.length() > 4 || body.chars().anyMatch(c -> c == '\\' || c > 0x7F)) {
            return OptionalLong.empty();
        }
        long value = 0;
        for (char c : body.toCharArray()) {
            value = (value << 8) | c;
        }
        return OptionalLong.of(value);
    }

    private static String stripSuffix(String text) {
        // MSVC sized suffixes all contain 'i', which is not a hex digit, so they cannot be
        // confused with the digits of a hex literal.
        for (String suffix : new String[] {"ui64", "i64", "ui32", "i32", "ui16", "i16", "ui8", "i8"}) {
            if (text.endsWith(suffix)) {
                return text.substring(0, text.length() - suffix.length());
            }
        }
        int end = text.length();
        while (end > 0 && "ul".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(0, end);
    }
}
