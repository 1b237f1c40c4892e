package dev.cemap.cli.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.cemap.analyzer.model.Level;
import dev.cemap.cli.OptionValues;
import dev.cemap.cli.output.RuleDocs;
import dev.cemap.emulator.CeVersion;
import dev.cemap.rules.PathExclusions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code cemap.yaml} with Jackson's YAML module. Unknown keys, duplicate keys, values of the
 * wrong kind and bad values are errors that name the file, the line and column, and the key.
 */
public final class ConfigFile {

    /** The name looked for at the scan root. */
    public static final String NAME = "cemap.yaml";

    private static final ObjectReader READER = YAMLMapper.builder(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build()
            .readerFor(ConfigFileContent.class);

    private final Path file;
    private final String shownAs;
    private final Path folder;

    private ConfigFile(Path file, String shownAs) {
        this.file = file.toAbsolutePath().normalize();
        this.shownAs = shownAs;
        this.folder = this.file.getParent();
    }

    /**
     * @param file      the configuration file
     * @param shownAs   how messages name it (the path as the user gave it)
     * @param ruleIds   every rule id, for the {@code rules:} keys
     */
    public static Configuration load(Path file, String shownAs, Set<String> ruleIds) throws ConfigException {
        return new ConfigFile(file, shownAs).load(ruleIds);
    }

    private Configuration load(Set<String> ruleIds) throws ConfigException {
        ConfigFileContent content = parse();
        Map<String, String> defines = new LinkedHashMap<>();
        for (ConfigValue define : content.define()) {
            try {
                Map.Entry<String, String> macro = Defines.parse(required(define, "define"));
                defines.put(macro.getKey(), macro.getValue());
            } catch (IllegalArgumentException e) {
                throw error(define, "define", e.getMessage());
            }
        }
        Map<String, RuleSetting> rules = new LinkedHashMap<>();
        for (RuleEntries.Entry entry : content.rules().entries()) {
            String id = entry.ruleId().text();
            if (!ruleIds.contains(id)) {
                throw error(entry.ruleId(), "rules", "no rule '" + id + "' (cemap rules lists them)");
            }
            rules.put(id, ruleSetting(entry.setting(), "rules." + id));
        }
        return new Configuration(Optional.of(file), optional(content.target(), "target", this::target),
                includeDirs(content.include()), defines, excludes(content.exclude()), rules,
                optional(content.failOn(), "fail-on", this::level), optional(content.docsUrl(), "docs-url", RuleDocs::at));
    }

    private ConfigFileContent parse() throws ConfigException {
        checkKeys();
        try (JsonParser parser = READER.createParser(Files.newInputStream(file))) {
            if (parser.nextToken() == null) {
                return ConfigFileContent.EMPTY; // an empty file, or comments only
            }
            return READER.readValue(parser);
        } catch (MismatchedInputException e) {
            throw error(e.getLocation(), pathOf(e), "expected " + expected(e.getTargetType()), e);
        } catch (JacksonException e) {
            String key = e instanceof JsonMappingException mapping ? pathOf(mapping) : "";
            throw error(e.getLocation(), key, e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException(shownAs + ": cannot read: " + e, e);
        }
    }

    /**
     * The top-level keys, checked on Jackson's token stream before binding: there each key still
     * has its own line and column (data binding reports an unknown key where its value ends).
     */
    private void checkKeys() throws ConfigException {
        try (JsonParser parser = READER.createParser(Files.newInputStream(file))) {
            JsonToken token = parser.nextToken();
            if (token == null || token == JsonToken.VALUE_NULL) {
                return;
            }
            if (token != JsonToken.START_OBJECT) {
                throw error(parser.currentTokenLocation(), "", "expected " + expected(ConfigFileContent.class), null);
            }
            for (token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String key = parser.currentName();
                if (!ConfigFileContent.KEYS.contains(key)) {
                    throw error(parser.currentTokenLocation(), key,
                            "unknown key; the keys are " + String.join(", ", ConfigFileContent.KEYS), null);
                }
                parser.nextToken();
                parser.skipChildren();
            }
        } catch (JacksonException e) {
            throw error(e.getLocation(), "", e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException(shownAs + ": cannot read: " + e, e);
        }
    }

    private CeVersion target(String value) {
        return OptionValues.find(value, CeVersion.values(), CeVersion::cliName).orElseThrow(() ->
                new IllegalArgumentException("expected one of " + choices(OptionValues.names(CeVersion.values(),
                        CeVersion::cliName))));
    }

    private Level level(String value) {
        return OptionValues.find(value, Level.values(), Level::sarifName).orElseThrow(() ->
                new IllegalArgumentException("expected one of " + choices(OptionValues.names(Level.values(),
                        Level::sarifName))));
    }

    /** {@code off}/{@code on} (YAML may read them as false/true), or a level. */
    private RuleSetting ruleSetting(ConfigValue value, String key) throws ConfigException {
        String text = required(value, key);
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "off", "false" -> RuleSetting.OFF;
            case "on", "true" -> RuleSetting.ON;
            default -> {
                Optional<Level> level = OptionValues.find(text, Level.values(), Level::sarifName);
                if (level.isEmpty()) {
                    throw error(value, key, "expected off, on, error, warning or note, got '" + text + "'");
                }
                yield new RuleSetting(true, level);
            }
        };
    }

    private List<Path> includeDirs(List<ConfigValue> values) throws ConfigException {
        List<Path> dirs = new ArrayList<>();
        for (ConfigValue value : values) {
            Path dir;
            try {
                dir = folder.resolve(required(value, "include")).normalize();
            } catch (InvalidPathException e) {
                throw error(value, "include", "not a valid path: " + value.text());
            }
            if (!Files.isDirectory(dir)) {
                throw error(value, "include", "include directory not found: " + value.text()
                        + " (relative to " + shownFolder() + ")");
            }
            dirs.add(dir);
        }
        return dirs;
    }

    private List<PathExclusions.Pattern> excludes(List<ConfigValue> values) throws ConfigException {
        List<PathExclusions.Pattern> patterns = new ArrayList<>();
        for (ConfigValue value : values) {
            String glob = required(value, "exclude");
            try {
                PathExclusions.check(glob);
            } catch (IllegalArgumentException e) {
                throw error(value, "exclude", "'" + glob + "': " + e.getMessage());
            }
            patterns.add(new PathExclusions.Pattern(folder, glob));
        }
        return patterns;
    }

    private interface Conversion<T> {
        T convert(String text);
    }

    private <T> Optional<T> optional(ConfigValue value, String key, Conversion<T> conversion) throws ConfigException {
        if (value == null) {
            return Optional.empty();
        }
        String text = required(value, key);
        try {
            return Optional.of(conversion.convert(text));
        } catch (IllegalArgumentException e) {
            throw error(value, key, e.getMessage() + (e.getMessage().contains(text) ? "" : ", got '" + text + "'"));
        }
    }

    private String required(ConfigValue value, String key) throws ConfigException {
        if (value.text() == null || value.text().isBlank()) {
            throw error(value, key, "has no value");
        }
        return value.text();
    }

    private ConfigException error(ConfigValue value, String key, String message) {
        return new ConfigException(shownAs + ":" + value.line() + ":" + value.column() + ": " + key + ": " + message, null);
    }

    private ConfigException error(JsonLocation location, String key, String message, Throwable cause) {
        String where = location == null ? "" : ":" + location.getLineNr() + ":" + location.getColumnNr();
        return new ConfigException(shownAs + where + ": " + (key.isEmpty() ? "" : key + ": ")
                + oneLine(message), cause);
    }

    private String shownFolder() {
        Path parent = Path.of(shownAs).getParent();
        return parent == null ? "the folder of " + shownAs : parent + "/";
    }

    /** {@code rules.page-offset-mismatch}, {@code include[2]}: the key as a reader finds it in the file. */
    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex() + 1).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null || type == ConfigFileContent.class) {
            return "a mapping of keys (" + String.join(", ", ConfigFileContent.KEYS) + ") to values";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list of values";
        }
        if (type == RuleEntries.class) {
            return "a mapping of rule ids to off, on, error, warning or note";
        }
        return "a single value, not a list or mapping";
    }

    private static String choices(List<String> names) {
        return String.join(", ", names);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
