package dev.cemap.cli.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Who cemap is, as reported by {@code --version} and in SARIF {@code tool.driver}. */
public final class ToolInfo {

    public static final String NAME = "cemap";

    /** Used when the jar was built without Maven resource filtering (e.g. from an IDE). */
    static final String FALLBACK_VERSION = "0.1.0";

    private static final String VERSION = readVersion();

    private ToolInfo() {
    }

    /** The Maven project version, e.g. {@code 0.1.0} or {@code 0.1.0-SNAPSHOT}; both are SemVer. */
    public static String version() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = ToolInfo.class.getResourceAsStream("/dev/cemap/cli/version.properties")) {
            if (in == null) {
                return FALLBACK_VERSION;
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "").trim();
            // An unfiltered copy still holds the Maven placeholder.
            return version.isEmpty() || version.startsWith("${") ? FALLBACK_VERSION : version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
