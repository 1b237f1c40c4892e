package dev.cemap.cli.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import de.jcup.sarif_2_1_0.model.Notification;
import de.jcup.sarif_2_1_0.model.ReportingConfiguration;
import de.jcup.sarif_2_1_0.model.Run;
import de.jcup.sarif_2_1_0.model.SarifSchema210;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Serialises the SARIF object model to pretty-printed UTF-8 JSON, the same bytes on every run. */
final class SarifJson {

    private static final ObjectWriter WRITER = createWriter();

    private SarifJson() {
    }

    static byte[] toBytes(SarifSchema210 log) {
        try {
            // A trailing newline keeps the file friendly to diff and cat.
            return (WRITER.writeValueAsString(log) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectWriter createWriter() {
        ObjectMapper mapper = new ObjectMapper()
                // The model classes are @JsonInclude(NON_DEFAULT), and the default level of a
                // reportingConfiguration and of a notification is "warning": without these
                // mix-ins an explicit warning level would silently disappear from the output.
                .addMixIn(ReportingConfiguration.class, LevelAlwaysWritten.class)
                .addMixIn(Notification.class, LevelAlwaysWritten.class)
                // An absent results array means "the tool did not run"; an empty one, "no findings".
                .addMixIn(Run.class, ResultsAlwaysWritten.class);
        // Fixed "\n" line ends so that the output does not depend on the platform.
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return mapper.writer(printer);
    }

    /** Overrides the class-level NON_DEFAULT inclusion for the {@code level} field only. */
    abstract static class LevelAlwaysWritten {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        private Object level;
    }

    /** Overrides the class-level NON_DEFAULT inclusion for the {@code results} field only. */
    abstract static class ResultsAlwaysWritten {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        private Object results;
    }
}
