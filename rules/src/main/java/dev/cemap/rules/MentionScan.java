package dev.cemap.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * What names a file's text mentions, as whole identifiers. A filter before parsing, not an
 * analysis: a name in a comment also counts, which only costs a parse.
 *
 * <p>Identifiers are ASCII in every encoding that matters here except UTF-16, which the text is
 * widened to by dropping NUL bytes; a name is mentioned where a run of letters, digits and
 * underscores (read as ISO-8859-1) equals it.
 */
final class MentionScan {

    private MentionScan() {
    }

    /** The distinct identifiers of the file, sorted; null when it cannot be read (let the parser report it). */
    static String[] identifiersOf(Path file, UnaryOperator<String> intern) {
        String text = textOf(file);
        if (text == null) {
            return null;
        }
        Set<String> identifiers = new TreeSet<>();
        forEachWord(text, word -> identifiers.add(intern.apply(word)));
        return identifiers.toArray(String[]::new);
    }

    /** Whether the sorted {@code identifiers} of a file include {@code name}. */
    static boolean includes(String[] identifiers, String name) {
        return Arrays.binarySearch(identifiers, name) >= 0;
    }

    /**
     * Whether a file of these sorted {@code identifiers} can mention {@code name} at all: where the
     * text holds the name with no word character on either side, each run of word characters in
     * the name ({@code CSerial} in {@code ~CSerial}) is a whole identifier of the text.
     */
    static boolean mayMention(String[] identifiers, String name) {
        List<String> words = new ArrayList<>();
        forEachWord(name, words::add);
        return words.stream().allMatch(word -> includes(identifiers, word));
    }

    /** Each run of letters, digits and underscores of a text, in order. */
    private static void forEachWord(String text, Consumer<String> action) {
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean word = i < text.length() && isWordCharacter(text.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                action.accept(text.substring(start, i));
                start = -1;
            }
        }
    }

    /** Whether a name is one identifier, which {@link #identifiersOf} can answer for. */
    static boolean isIdentifier(String name) {
        return !name.isEmpty() && name.chars().allMatch(c -> isWordCharacter((char) c));
    }

    /**
     * Reads the file for names that are not one identifier ({@code ~CSerial}): mentioned where
     * the text holds them with no letter, digit or underscore on either side.
     */
    static boolean mentionsAny(Path file, Set<String> names) {
        String text = textOf(file);
        if (text == null) {
            return true;
        }
        for (String name : names) {
            int at = text.indexOf(name);
            while (at >= 0) {
                if (isBoundary(text, at - 1) && isBoundary(text, at + name.length())) {
                    return true;
                }
                at = text.indexOf(name, at + 1);
            }
        }
        return false;
    }

    private static String textOf(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return new String(bytes, StandardCharsets.ISO_8859_1).replace("\0", "");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean isBoundary(String text, int index) {
        return index < 0 || index >= text.length() || !isWordCharacter(text.charAt(index));
    }

    private static boolean isWordCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
