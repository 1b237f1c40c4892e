package dev.cemap.analyzer.model;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;

/**
 * A region of a source file, 1-based lines and columns; the end is inclusive of {@code endLine}
 * and exclusive of {@code endColumn}. Paths are absolute and normalised; output writers make
 * them relative to the scanned root.
 */
public record SourceLocation(Path file, int line, int column, int endLine, int endColumn)
        implements Comparable<SourceLocation> {

    private static final Comparator<SourceLocation> ORDER = Comparator
            .comparing((SourceLocation l) -> l.file().toString())
            .thenComparingInt(SourceLocation::line)
            .thenComparingInt(SourceLocation::column)
            .thenComparingInt(SourceLocation::endLine)
            .thenComparingInt(SourceLocation::endColumn);

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("lines and columns are 1-based: " + line + ":" + column);
        }
        if (endLine < line) {
            endLine = line;
        }
        if (endLine == line && endColumn < column) {
            endColumn = column;
        }
    }

    /** A location for a whole file, or a file position whose extent is unknown. */
    public static SourceLocation of(Path file, int line, int column) {
        return new SourceLocation(file, line, column, line, column);
    }

    @Override
    public int compareTo(SourceLocation other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
