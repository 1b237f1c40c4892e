package dev.cemap.analyzer.frontend;

import dev.cemap.analyzer.model.MacroDefinition;
import dev.cemap.analyzer.model.SourceLocation;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <p>An instance remembers each definition by where it is: a BSP header's thousands of
 * {@code #define}s are met by every file that includes it, and are read and evaluated once.
 */
public final class MacroDefinitions {

    /** Where a {@code #define} is: the same place always holds the same definition during a scan. */
    private record Site(String file, int offset) {
    }

    private final Map<Site, MacroDefinition> bySite = new ConcurrentHashMap<>();
    private final Map<String, Boolean> userCodeByFile = new ConcurrentHashMap<>();

    /** Never throws; an unparsed file has none. Without an instance of a scan to remember them. */
    public static List<MacroDefinition> of(ParsedFile parsed) {
        return new MacroDefinitions().in(parsed);
    }

    /** Never throws; an unparsed file has none. */
    public List<MacroDefinition> in(ParsedFile parsed) {
        Optional<IASTTranslationUnit> unit = parsed.translationUnit();
        if (unit.isEmpty()) {
            return List.of();
        }
        List<MacroDefinition> macros = new ArrayList<>();
        for (IASTPreprocessorMacroDefinition definition : unit.get().getMacroDefinitions()) {
            // Function-style definitions are object-style ones to CDT; a constant takes no arguments.
            if (!(definition instanceof IASTPreprocessorObjectStyleMacroDefinition)
                    || definition instanceof IASTPreprocessorFunctionStyleMacroDefinition) {
                continue;
            }
            IASTFileLocation location = definition.getFileLocation();
            if (location == null || !isUserCode(location.getFileName())) {
                continue;
            }
            macros.add(bySite.computeIfAbsent(new Site(location.getFileName(), location.getNodeOffset()),
                    site -> read(definition, parsed)));
        }
        return List.copyOf(macros);
    }

    private static MacroDefinition read(IASTPreprocessorMacroDefinition definition, ParsedFile parsed) {
        String text = definition.getExpansion().strip();
        SourceLocation location = parsed.locationOf(definition);
        return new MacroDefinition(definition.getName().toString(), text, IntegerExpression.evaluate(text), location);
    }

    /** Built-in and command-line macros have no file. */
    private boolean isUserCode(String fileName) {
        if (fileName == null || fileName.isEmpty()) {
            return false;
        }
        return userCodeByFile.computeIfAbsent(fileName, name -> {
            try {
                Path file = Path.of(name);
                return !BundledHeaders.isBundled(file) && !IncludeSearch.isMissing(file);
            } catch (InvalidPathException notAPath) {
                return false;
            }
        });
    }
}
