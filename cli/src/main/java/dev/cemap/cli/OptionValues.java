package dev.cemap.cli;

import dev.cemap.analyzer.model.Level;
import dev.cemap.cli.progress.ProgressMode;
import dev.cemap.emulator.CeVersion;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters and completion lists for the enumerated options, so that users type and see the
 * lower-case spellings ({@code ce6}, {@code warning}) rather than Java constant names.
 */
public final class OptionValues {

    private OptionValues() {
    }

    static final class TargetConverter implements ITypeConverter<CeVersion> {
        @Override
        public CeVersion convert(String value) {
            return lookup(value, CeVersion.values(), CeVersion::cliName);
        }
    }

    static final class TargetCandidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return names(CeVersion.values(), CeVersion::cliName).iterator();
        }
    }

    static final class LevelConverter implements ITypeConverter<Level> {
        @Override
        public Level convert(String value) {
            return lookup(value, Level.values(), Level::sarifName);
        }
    }

    static final class LevelCandidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return names(Level.values(), Level::sarifName).iterator();
        }
    }

    static final class OutputFormatConverter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return lookup(value, OutputFormat.values(), OutputFormat::cliName);
        }
    }

    static final class OutputFormatCandidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return names(OutputFormat.values(), OutputFormat::cliName).iterator();
        }
    }

    static final class RulesFormatConverter implements ITypeConverter<RulesFormat> {
        @Override
        public RulesFormat convert(String value) {
            return lookup(value, RulesFormat.values(), RulesFormat::cliName);
        }
    }

    static final class RulesFormatCandidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return names(RulesFormat.values(), RulesFormat::cliName).iterator();
        }
    }

    static final class ProgressModeConverter implements ITypeConverter<ProgressMode> {
        @Override
        public ProgressMode convert(String value) {
            return lookup(value, ProgressMode.values(), ProgressMode::cliName);
        }
    }

    static final class ProgressModeCandidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return names(ProgressMode.values(), ProgressMode::cliName).iterator();
        }
    }

    private static <T> T lookup(String value, T[] values, Function<T, String> name) {
        return find(value, values, name).orElseThrow(() -> new TypeConversionException(
                "expected one of " + String.join(", ", names(values, name)) + " but was '" + value + "'"));
    }

    /** The value spelt {@code value} (any case, spaces around ignored), as the options read it. */
    public static <T> Optional<T> find(String value, T[] values, Function<T, String> name) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values).filter(candidate -> name.apply(candidate).equals(wanted)).findFirst();
    }

    public static <T> List<String> names(T[] values, Function<T, String> name) {
        return Arrays.stream(values).map(name).toList();
    }
}
