package dev.cemap.analyzer.frontend;

import dev.cemap.analyzer.model.Notification;
import dev.cemap.analyzer.model.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;

/**
 * The result of parsing one file. An AST with its bindings costs about half a megabyte: use it
 * and drop it, do not collect these.
 */
public final class ParsedFile {

    private final Path file;
    private final SourceLanguage language;
    private final IASTTranslationUnit translationUnit;
    private final List<Notification> notifications;
    private final String text;
    private final SourceLocator locator;

    ParsedFile(Path file, SourceLanguage language, IASTTranslationUnit translationUnit,
            List<Notification> notifications, String text, SourceLocator locator) {
        this.file = file;
        this.language = language;
        this.translationUnit = translationUnit;
        this.notifications = List.copyOf(notifications);
        this.text = text;
        this.locator = locator;
    }

    /** The parsed file, absolute and normalised. */
    public Path file() {
        return file;
    }

    public SourceLanguage language() {
        return language;
    }

    /** Empty when the file could not be read or the parser gave up; notifications say why. */
    public Optional<IASTTranslationUnit> translationUnit() {
        return Optional.ofNullable(translationUnit);
    }

    /** Problems met while reading and parsing, sorted; a file with problems may still have an AST. */
    public List<Notification> notifications() {
        return notifications;
    }

    /**
     * The decoded source exactly as the parser saw it: inline assembly is blanked to spaces of the
     * same length, so offsets and line numbers are those of the file on disk (in characters).
     */
    public String text() {
        return text;
    }

    /**
     * Where a node is: in this file, or in the header it comes from. Nodes produced by a macro
     * expansion are placed on the expansion. Lines and columns are 1-based; columns count UTF-16
     * characters, tabs as one.
     */
    public SourceLocation locationOf(IASTNode node) {
        return locator.locate(node);
    }
}
