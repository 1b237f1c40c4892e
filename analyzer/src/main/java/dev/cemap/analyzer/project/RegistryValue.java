package dev.cemap.analyzer.project;

import dev.cemap.analyzer.model.SourceLocation;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One {@code "Name"=data} line of a {@code .reg} file.
 *
 * @param name        the value's name as written; {@code ""} for the default value ({@code @=})
 * @param type        how the data was written
 * @param number      the number, for {@code dword:} and 4-byte {@code hex(4):} values
 * @param strings     the string ({@code "text"}, {@code hex(2):}) or the strings of a multi-string
 *                    ({@code multi_sz:"a","b"}, {@code hex(7):}); empty otherwise
 * @param dataText    the data exactly as written after {@code =}, continuations joined
 * @param location    the line of the value
 * @param condition   when the image gets it (the undecided {@code #if} / {@code IF} around it)
 * @param branch      the enclosing branches' identity (see {@link BuildFileReader.Line#branch()})
 */
public record RegistryValue(String name, Type type, OptionalLong number, List<String> strings, String dataText,
        SourceLocation location, Condition condition, String branch) {

    /** The registry data types CE's registry files write. */
    public enum Type {
        DWORD, STRING, EXPAND_STRING, MULTI_STRING, BINARY, QWORD,
        /** {@code "Name"=-}: deletes the value. */
        DELETE
    }

    public RegistryValue {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(condition, "condition");
        strings = List.copyOf(strings);
    }

    /** Inside a branch the scan cannot decide. */
    public boolean conditional() {
        return !condition.isAlways();
    }

    /** The line as it would be written back: {@code "Name"=data}. */
    public String asRegLine() {
        return (name.isEmpty() ? "@" : "\"" + name + "\"") + "=" + dataText;
    }
}
