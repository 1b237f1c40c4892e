package dev.cemap.analyzer.model;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * An object-like {@code #define} of the analysed code (the scanned file or a header of the tree,
 * never a bundled SDK header), for rules that check the code's own constants against the SDK's.
 *
 * @param name       the macro's name
 * @param valueText  its replacement text as written
 * @param value      the replacement's value when it is an integer constant expression
 * @param location   where the {@code #define} is
 */
public record MacroDefinition(String name, String valueText, OptionalLong value, SourceLocation location) {

    public MacroDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(valueText, "valueText");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(location, "location");
    }
}
