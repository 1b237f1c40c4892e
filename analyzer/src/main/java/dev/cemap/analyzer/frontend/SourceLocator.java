package dev.cemap.analyzer.frontend;

import dev.cemap.analyzer.model.SourceLocation;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.cdt.core.dom.ast.IASTFileLocation;
import org.eclipse.cdt.core.dom.ast.IASTNode;

/**
 * Turns CDT's file offsets into lines and columns, using the texts that were handed to the parser
 * for one translation unit (the parsed file and every header it read).
 */
final class SourceLocator {

    private final Path file;
    private final Map<String, SourceText> textsByLocation;

    SourceLocator(Path file, Map<String, SourceText> textsByLocation) {
        this.file = file;
        this.textsByLocation = Map.copyOf(textsByLocation);
    }

    SourceLocation locate(IASTNode node) {
        IASTFileLocation location = node.getFileLocation();
        if (location == null) {
            return SourceLocation.of(file, 1, 1);
        }
        SourceText text = textsByLocation.get(location.getFileName());
        if (text == null) {
            int line = Math.max(1, location.getStartingLineNumber());
            return new SourceLocation(file, line, 1, Math.max(line, location.getEndingLineNumber()), 1);
        }
        return text.locate(location.getNodeOffset(), location.getNodeLength());
    }
}
