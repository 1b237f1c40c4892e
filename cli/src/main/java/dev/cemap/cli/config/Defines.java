package dev.cemap.cli.config;

import java.util.Map;
import java.util.regex.Pattern;

/** {@code NAME} or {@code NAME=VALUE}, as {@code -D} and the {@code define:} list of the configuration take them. */
public final class Defines {

    private static final Pattern MACRO_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** What a {@code NAME} without a value defines, as for a C compiler. */
    public static final String DEFAULT_VALUE = "1";

    private Defines() {
    }

    /**
     * @throws IllegalArgumentException when NAME is not a C identifier
     */
    public static Map.Entry<String, String> parse(String define) {
        int equals = define.indexOf('=');
        String name = equals < 0 ? define : define.substring(0, equals);
        String value = equals < 0 ? DEFAULT_VALUE : define.substring(equals + 1);
        if (!MACRO_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("expected NAME or NAME=VALUE with a C identifier as NAME, got '"
                    + define + "'");
        }
        return Map.entry(name, value);
    }
}
