package dev.cemap.analyzer.project;

import dev.cemap.analyzer.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A registry key with every value written for it, in file order. A value written twice (two
 * files, or both branches of an undecided {@code #if}) keeps both definitions: the last one is
 * what the image gets when the conditions are as written, the others are alternatives.
 *
 * @param path        the key as written, {@code HKLM} spelled out ({@code HKEY_LOCAL_MACHINE\Drivers\BuiltIn\GPIO})
 * @param location    the first {@code [key]} line
 * @param condition   when the image has the key: its {@code [key]} lines' conditions, less its deletions
 * @param values      the value definitions, in order
 */
public record RegistryKey(String path, SourceLocation location, Condition condition, List<RegistryValue> values) {

    public RegistryKey {
        values = List.copyOf(values);
    }

    /** Whether some configuration the scan cannot decide leaves the key out. */
    public boolean conditional() {
        return !condition.isAlways();
    }

    /** The last definition of the named value (names are case-insensitive, as in the registry). */
    public Optional<RegistryValue> value(String name) {
        List<RegistryValue> all = definitions(name);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Every definition of the named value, in order. */
    public List<RegistryValue> definitions(String name) {
        List<RegistryValue> found = new ArrayList<>();
        for (RegistryValue value : values) {
            if (value.name().equalsIgnoreCase(name)) {
                found.add(value);
            }
        }
        return found;
    }

    /** The last component of the path ({@code GPIO}). */
    public String leafName() {
        int slash = path.lastIndexOf('\\');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** The lower-case path registry lookups compare. */
    String identity() {
        return path.toLowerCase(Locale.ROOT);
    }
}
