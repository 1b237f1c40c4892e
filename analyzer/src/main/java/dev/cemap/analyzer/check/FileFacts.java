package dev.cemap.analyzer.check;

import dev.cemap.analyzer.model.MacroDefinition;
import java.nio.file.Path;
import java.util.List;

/**
 * What a file says outside its functions.
 *
 * @param file    the file
 * @param macros  the object-like {@code #define}s of the file and of the tree's headers it includes
 */
public record FileFacts(Path file, List<MacroDefinition> macros) {

    public FileFacts {
        macros = List.copyOf(macros);
    }
}
