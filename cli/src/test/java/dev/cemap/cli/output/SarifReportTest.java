package dev.cemap.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.cli.SampleReports;
import dev.cemap.cli.SampleRules;
import dev.cemap.emulator.CeVersion;
import dev.cemap.rules.Finding;
import dev.cemap.rules.ScanReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifReportTest {

    @TempDir
    Path root;

    private JsonNode sarif(ScanReport report) throws IOException {
        return new ObjectMapper().readTree(SarifReport.toBytes(report, SampleRules.all()));
    }

    private JsonNode run() throws IOException {
        return sarif(SampleReports.mixed(root)).at("/runs/0");
    }

    @Test
    void headerNamesSchemaAndVersion() throws IOException {
        JsonNode log = sarif(SampleReports.mixed(root));

        assertThat(log.path("$schema").asText()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        assertThat(log.path("version").asText()).isEqualTo("2.1.0");
        assertThat(log.path("runs")).hasSize(1);
    }

    @Test
    void driverDescribesEveryRegisteredRuleInRegistryOrder() throws IOException {
        JsonNode driver = run().at("/tool/driver");

        assertThat(driver.path("name").asText()).isEqualTo("cemap");
        assertThat(driver.path("version").asText()).isEqualTo(ToolInfo.version());
        assertThat(driver.path("semanticVersion").asText()).isEqualTo(ToolInfo.version());
        assertThat(driver.path("rules").findValuesAsText("id"))
                .containsExactly("sample-offset-mismatch", "sample-mapping-leak");
    }

    @Test
    void ruleMetadataIsComplete() throws IOException {
        JsonNode rule = run().at("/tool/driver/rules/0");

        assertThat(rule.path("name").asText()).isEqualTo("SampleOffsetMismatch");
        assertThat(rule.at("/shortDescription/text").asText()).startsWith("VirtualCopy destination");
        assertThat(rule.at("/fullDescription/text").asText()).startsWith("A virtual page maps");
        assertThat(rule.at("/help/markdown").asText()).contains("**Fix:**", "```c");
        assertThat(rule.at("/help/text").asText())
                .contains("Fix: align both addresses.\n\n    VirtualCopy(", "the docs (https://example.com/virtualcopy)")
                .doesNotContain("```", "## ");
        assertThat(rule.at("/defaultConfiguration/level").asText()).isEqualTo("error");
        assertThat(rule.at("/properties/tags").toString()).isEqualTo("[\"correctness\",\"ce\"]");
        assertThat(rule.at("/properties/precision").asText()).isEqualTo("very-high");
        assertThat(rule.at("/properties/problem.severity").asText()).isEqualTo("error");
        assertThat(rule.at("/properties").has("security-severity")).isFalse();
    }

    @Test
    void warningLevelsAreWrittenExplicitly() throws IOException {
        JsonNode run = run();
        JsonNode leakRule = run.at("/tool/driver/rules/1");

        assertThat(leakRule.at("/defaultConfiguration/level").asText()).isEqualTo("warning");
        assertThat(run.at("/results/1/level").asText()).isEqualTo("warning");
        assertThat(run.at("/invocations/0/toolExecutionNotifications/0/level").asText()).isEqualTo("warning");
    }

    @Test
    void securitySeverityComesWithTheSecurityTag() throws IOException {
        JsonNode properties = run().at("/tool/driver/rules/1/properties");

        assertThat(properties.path("security-severity").asText()).isEqualTo("4.0");
        assertThat(properties.path("problem.severity").asText()).isEqualTo("warning");
        assertThat(properties.path("tags").toString()).isEqualTo("[\"reliability\",\"security\"]");
    }

    @Test
    void ruleIndexPointsAtTheRuleOfTheResult() throws IOException {
        JsonNode run = run();

        for (JsonNode result : run.path("results")) {
            JsonNode rule = run.at("/tool/driver/rules/" + result.path("ruleIndex").asInt());
            assertThat(rule.path("id").asText()).isEqualTo(result.path("ruleId").asText());
        }
        assertThat(run.at("/results/0/ruleIndex").asInt()).isZero();
        assertThat(run.at("/results/1/ruleIndex").asInt()).isEqualTo(1);
    }

    @Test
    void resultLocationIsRelativeToSrcRoot() throws IOException {
        JsonNode physical = run().at("/results/0/locations/0/physicalLocation");

        assertThat(physical.at("/artifactLocation/uri").asText()).isEqualTo("drivers/my%20driver/map.c");
        assertThat(physical.at("/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(physical.at("/region/startLine").asInt()).isEqualTo(12);
        assertThat(physical.at("/region/startColumn").asInt()).isEqualTo(5);
        assertThat(physical.at("/region/endLine").asInt()).isEqualTo(12);
        assertThat(physical.at("/region/endColumn").asInt()).isEqualTo(58);
    }

    @Test
    void regionWithoutExtentOmitsItsEnd() throws IOException {
        JsonNode region = run().at("/results/1/locations/0/physicalLocation/region");

        assertThat(region.path("startLine").asInt()).isEqualTo(20);
        assertThat(region.path("startColumn").asInt()).isEqualTo(3);
        assertThat(region.has("endLine")).isFalse();
        assertThat(region.has("endColumn")).isFalse();
    }

    @Test
    void srcRootIsTheFileUriOfTheSourceRoot() throws IOException {
        JsonNode base = run().at("/originalUriBaseIds/%SRCROOT%");

        String rootUri = root.toUri().toASCIIString();
        assertThat(base.path("uri").asText()).isEqualTo(rootUri.endsWith("/") ? rootUri : rootUri + "/");
    }

    @Test
    void artifactsAreSortedAndIndexedFromLocations() throws IOException {
        JsonNode run = run();

        List<String> uris = run.path("artifacts").findValuesAsText("uri");
        assertThat(uris).containsExactly("drivers/broken.c", "drivers/my%20driver/map.c", "inc/bsp.h");
        for (JsonNode artifactLocation : run.path("results").findValues("artifactLocation")) {
            int index = artifactLocation.path("index").asInt();
            assertThat(uris.get(index)).isEqualTo(artifactLocation.path("uri").asText());
        }
        assertThat(run.at("/artifacts/0/location/uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(run.at("/artifacts/0/roles").toString()).isEqualTo("[\"analysisTarget\"]");
        assertThat(run.at("/artifacts/1/roles").toString()).isEqualTo("[\"resultFile\",\"tracedFile\"]");
        assertThat(run.at("/artifacts/2/roles").toString()).isEqualTo("[\"tracedFile\"]");
        assertThat(run.at("/artifacts/0/location").has("index")).isFalse();
    }

    @Test
    void noAbsolutePathOutsideOriginalUriBaseIds() throws IOException {
        JsonNode run = run().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) run).remove("originalUriBaseIds");

        assertThat(run.toString()).doesNotContain(root.toString()).doesNotContain("file:");
    }

    @Test
    void codeFlowFollowsTheReplay() throws IOException {
        JsonNode run = run();
        JsonNode steps = run.at("/results/0/codeFlows/0/threadFlows/0/locations");

        assertThat(steps).hasSize(3);
        assertThat(steps.at("/0/location/message/text").asText()).startsWith("VirtualAlloc reserves");
        assertThat(steps.at("/1/location/physicalLocation/artifactLocation/uri").asText()).isEqualTo("inc/bsp.h");
        assertThat(steps.at("/1/location/physicalLocation/artifactLocation/index").asInt()).isEqualTo(2);
        assertThat(run.at("/results/1").has("codeFlows")).isFalse();
    }

    @Test
    void notificationsBecomeToolExecutionNotifications() throws IOException {
        JsonNode invocation = run().at("/invocations/0");

        assertThat(invocation.path("executionSuccessful").asBoolean()).isTrue();
        JsonNode notifications = invocation.path("toolExecutionNotifications");
        assertThat(notifications).hasSize(2);
        assertThat(notifications.at("/0/descriptor/id").asText()).isEqualTo("parse-error");
        assertThat(notifications.at("/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("drivers/broken.c");
        assertThat(notifications.at("/1/descriptor/id").asText()).isEqualTo("missing-header");
        assertThat(notifications.at("/1/level").asText()).isEqualTo("note");
        assertThat(notifications.at("/1").has("locations")).isFalse();
        assertThat(invocation.has("startTimeUtc")).isFalse();
    }

    @Test
    void twoRunsAreByteIdentical() {
        byte[] first = SarifReport.toBytes(SampleReports.mixed(root), SampleRules.all());
        byte[] second = SarifReport.toBytes(SampleReports.mixed(root), SampleRules.all());

        assertThat(second).isEqualTo(first);
        assertThat(new String(first, StandardCharsets.UTF_8)).endsWith("}\n").doesNotContain("\r");
    }

    @Test
    void fingerprintsSurviveLineMovesButNotFileOrRuleChanges() throws IOException {
        Path file = root.resolve("a.c");
        String original = fingerprint(new Finding("sample-mapping-leak", Level.WARNING, "m",
                SourceLocation.of(file, 10, 1), List.of(), "Init/VirtualAlloc#1"));
        String moved = fingerprint(new Finding("sample-mapping-leak", Level.WARNING, "m",
                SourceLocation.of(file, 42, 7), List.of(), "Init/VirtualAlloc#1"));
        String otherFile = fingerprint(new Finding("sample-mapping-leak", Level.WARNING, "m",
                SourceLocation.of(root.resolve("b.c"), 10, 1), List.of(), "Init/VirtualAlloc#1"));
        String otherRule = fingerprint(new Finding("sample-offset-mismatch", Level.WARNING, "m",
                SourceLocation.of(file, 10, 1), List.of(), "Init/VirtualAlloc#1"));

        assertThat(original).matches("[0-9a-f]{64}").isEqualTo(moved);
        assertThat(List.of(otherFile, otherRule)).doesNotContain(original);
    }

    @Test
    void fingerprintDoesNotDependOnWhereTheTreeIsCheckedOut(@TempDir Path otherRoot) {
        Finding here = new Finding("r", Level.ERROR, "m", SourceLocation.of(root.resolve("x/a.c"), 1, 1), List.of(), "f");
        Finding there = new Finding("r", Level.ERROR, "m", SourceLocation.of(otherRoot.resolve("x/a.c"), 1, 1), List.of(), "f");

        assertThat(PartialFingerprint.of(here, new ReportPaths(root).display(here.location().file())))
                .isEqualTo(PartialFingerprint.of(there, new ReportPaths(otherRoot).display(there.location().file())));
    }

    @Test
    void unregisteredRuleStillGetsADescriptor() throws IOException {
        Finding stray = new Finding("not-registered", Level.ERROR, "m",
                SourceLocation.of(root.resolve("a.c"), 1, 1), List.of(), "f");
        JsonNode run = sarif(new ScanReport(root, CeVersion.CE6, List.of(stray), List.of(), 1, 1)).at("/runs/0");

        assertThat(run.at("/results/0/ruleIndex").asInt()).isEqualTo(2);
        assertThat(run.at("/tool/driver/rules/2/id").asText()).isEqualTo("not-registered");
    }

    @Test
    void emptyReportIsStillAValidRun() throws IOException {
        JsonNode run = sarif(SampleReports.empty(root)).at("/runs/0");

        assertThat(run.path("results").isArray()).as("results must be present, even empty").isTrue();
        assertThat(run.path("tool").path("driver").path("rules")).hasSize(2);
    }

    private String fingerprint(Finding finding) throws IOException {
        List<Finding> findings = new ArrayList<>(List.of(finding));
        JsonNode run = sarif(new ScanReport(root, CeVersion.CE6, findings, List.of(), 1, 1)).at("/runs/0");
        return run.at("/results/0/partialFingerprints/cemap~1v1").asText();
    }
}
