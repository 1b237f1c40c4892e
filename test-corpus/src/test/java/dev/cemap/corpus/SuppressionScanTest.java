package dev.cemap.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cemap-suppress} comments with the real analyzer: one on the VirtualCopy inside a mapping
 * helper covers the defect reported at the helper's call in another file; one above a call covers
 * it; one that names a rule not reported on its line is an unused-suppression note; one inside a
 * string literal is not a comment.
 */
class SuppressionScanTest {

    private static final String HELPER_REASON = "the SYSCON window is accessed at its page base only";

    private static Path fixture() throws URISyntaxException {
        return Path.of(SuppressionScanTest.class.getResource("/suppressions").toURI());
    }

    private record Reported(String ruleId, int line, String justification) {
    }

    @Test
    void suppressionsApplyToTheRealAnalyzersFindings(@TempDir Path work) throws IOException, URISyntaxException {
        Path sarif = work.resolve("scan.sarif");
        List<String> args = List.of("scan", "--no-progress", "--format", "sarif", "--output", sarif.toString(),
                fixture().toString());

        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).as(run.describe(args)).isZero();
        List<Reported> reported = new ArrayList<>();
        for (JsonNode result : new ObjectMapper().readTree(sarif.toFile()).at("/runs/0/results")) {
            reported.add(new Reported(result.path("ruleId").asText(),
                    result.at("/locations/0/physicalLocation/region/startLine").asInt(),
                    result.at("/suppressions/0/justification").asText("(not suppressed)")));
        }
        assertThat(reported).containsExactly(
                new Reported("missing-nocache", 21, "the PHY block is write-once at boot; cached on purpose"),
                new Reported("page-offset-mismatch", 22, HELPER_REASON),
                new Reported("missing-nocache", 23, "(not suppressed)"),
                new Reported("unused-suppression", 23, "(not suppressed)"));
    }

    @Test
    void textHidesTheSuppressedAndFailOnNoteCatchesTheUnused() throws URISyntaxException {
        List<String> args = List.of("scan", "--no-progress", "--fail-on", "note", fixture().toString());

        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).as(run.describe(args)).isEqualTo(1);
        assertThat(run.out()).doesNotContain("[page-offset-mismatch]")
                .contains("otg_phy.c:23:80: note: this suppression silences nothing: no mapping-leak finding")
                .contains("2 findings (0 errors, 1 warning, 1 note) in 2 files, 2 suppressed");
    }
}
