package dev.cemap.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Whether a file's text names any of a set of functions, as a whole identifier. A filter before
 * parsing, not an analysis: a name in a comment also counts, which only costs a parse.
 */
final class MentionScan {

    private MentionScan() {
    }

    static boolean mentionsAny(Path file, Set<String> names) {
        String text;
        try {
            // Identifiers are ASCII in every encoding that matters here except UTF-16, which
            // the check below widens to by dropping NUL bytes.
            byte[] bytes = Files.readAllBytes(file);
            text = new String(bytes, StandardCharsets.ISO_8859_1).replace("\0", "");
        } catch (IOException | RuntimeException e) {
            return true; // let the parser report it
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

    private static boolean isBoundary(String text, int index) {
        if (index < 0 || index >= text.length()) {
            return true;
        }
        char c = text.charAt(index);
        return !(Character.isLetterOrDigit(c) || c == '_');
    }
}
