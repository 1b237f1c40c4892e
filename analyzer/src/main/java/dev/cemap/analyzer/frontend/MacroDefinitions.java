package dev.cemap.analyzer.frontend;

import dev.cemap.analyzer.model.MacroDefinition;
import dev.cemap.analyzer.model.SourceLocation;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.cdt.core.dom.ast.IASTFileLocation;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorFunctionStyleMacroDefinition;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorMacroDefinition;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorObjectStyleMacroDefinition;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;

/**
 * The object-like {@code #define}s a parse met in the code under analysis: the parsed file and
 * the headers of the tree it includes. Bundled SDK stubs and missing headers (read as empty) are
 * not the user's code and are left out. Only definitions the preprocessor saw are listed, so a
 * {@code #define} in an inactive {@code #if} branch is not.
 */
public final class MacroDefinitions {

    private MacroDefinitions() {
    }

    /** Never throws; an unparsed file has none. */
    public static List<MacroDefinition> of(ParsedFile parsed) {
        Optional<IASTTranslationUnit> unit = parsed.translationUnit();
        if (unit.isEmpty()) {
            return List.of();
        }
        List<MacroDefinition> macros = new ArrayList<>();
        for (IASTPreprocessorMacroDefinition definition : unit.get().getMacroDefinitions()) {
            // Function-style definitions are object-style ones to CDT; a constant takes no arguments.
            if (definition instanceof IASTPreprocessorObjectStyleMacroDefinition
                    && !(definition instanceof IASTPreprocessorFunctionStyleMacroDefinition) && isUserCode(definition)) {
                String text = definition.getExpansion().strip();
                SourceLocation location = parsed.locationOf(definition);
                macros.add(new MacroDefinition(definition.getName().toString(), text,
                        IntegerExpression.evaluate(text), location));
            }
        }
        return List.copyOf(macros);
    }

    private static boolean isUserCode(IASTPreprocessorMacroDefinition definition) {
        IASTFileLocation location = definition.getFileLocation();
        if (location == null || location.getFileName() == null || location.getFileName().isEmpty()) {
            return false; // built-in and command-line macros have no file
        }
        try {
            Path file = Path.of(location.getFileName());
            return !BundledHeaders.isBundled(file) && !IncludeSearch.isMissing(file);
        } catch (InvalidPathException notAPath) {
            return false;
        }
    }
}
