package dev.cemap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md is the output of {@code cemap rules --format markdown}; this fails when a rule's
 * metadata changed and the page was not regenerated. Regenerate with
 * {@code mvn -pl cli test -Dtest=RuleReferenceDocTest -Dcemap.updateDocs=true}.
 */
class RuleReferenceDocTest {

    private static final Path DOC = Path.of("..", "docs", "rules.md");

    @Test
    void committedRuleReferenceIsCurrent() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "rules", "--format", "markdown");
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String generated = out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
        if (Boolean.getBoolean("cemap.updateDocs")) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        assertThat(DOC).as("docs/rules.md exists").exists();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/rules.md is stale: regenerate it with "
                        + "mvn -pl cli test -Dtest=RuleReferenceDocTest -Dcemap.updateDocs=true")
                .isEqualTo(generated);
    }
}
