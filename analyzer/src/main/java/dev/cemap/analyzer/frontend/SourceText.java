package dev.cemap.analyzer.frontend;

import dev.cemap.analyzer.model.SourceLocation;
import java.nio.file.Path;
import java.util.Arrays;

/** A text the parser read, with the offsets of its line starts to turn offsets into lines and columns. */
final class SourceText {

    private final Path path;
    private final char[] chars;
    private int[] lineStarts;

    SourceText(Path path, char[] chars) {
        this.path = path;
        this.chars = chars;
    }

    Path path() {
        return path;
    }

    char[] chars() {
        return chars;
    }

    /**
     * A location spanning {@code length} characters from {@code offset}. Lines end at LF (CR LF
     * included), the way the parser counts them, so our lines agree with its line numbers.
     */
    SourceLocation locate(int offset, int length) {
        int start = clamp(offset);
        int end = clamp(offset + Math.max(0, length));
        int startLine = lineOf(start);
        int endLine = lineOf(end);
        return new SourceLocation(path, startLine + 1, start - lineStarts()[startLine] + 1,
                endLine + 1, end - lineStarts()[endLine] + 1);
    }

    private int clamp(int offset) {
        return Math.max(0, Math.min(offset, chars.length));
    }

    private int lineOf(int offset) {
        int found = Arrays.binarySearch(lineStarts(), offset);
        return found >= 0 ? found : -found - 2;
    }

    /** Computed on first use: most headers are never asked for a location. */
    private synchronized int[] lineStarts() {
        if (lineStarts == null) {
            int[] starts = new int[16];
            int count = 1;
            for (int i = 0; i < chars.length; i++) {
                if (chars[i] == '\n') {
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, count * 2);
                    }
                    starts[count++] = i + 1;
                }
            }
            lineStarts = Arrays.copyOf(starts, count);
        }
        return lineStarts;
    }
}
