package dev.cemap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a schema cannot see in {@code action.yml}: every {@code inputs.X} and {@code steps.ID} an
 * expression names exists, every variable {@code action/scan.sh} reads is passed to it, and every
 * input is used. (CI checks the file against GitHub's schema with action-validator.)
 */
class GitHubActionTest {

    private static final Path REPO = Path.of("..");
    private static final Pattern INPUT_REFERENCE = Pattern.compile("inputs\\.([A-Za-z0-9_-]+)");
    private static final Pattern STEP_REFERENCE = Pattern.compile("steps\\.([A-Za-z0-9_-]+)\\.outputs\\.([A-Za-z0-9_-]+)");
    private static final Pattern SCRIPT_VARIABLE = Pattern.compile("\\$\\{?(CEMAP_[A-Z_]+)");
    private static final Pattern OUTPUT_WRITTEN = Pattern.compile("echo \"([a-z-]+)=");

    private static String actionText() throws IOException {
        return Files.readString(REPO.resolve("action.yml"), StandardCharsets.UTF_8);
    }

    private static JsonNode action() throws IOException {
        return new YAMLMapper().readTree(actionText());
    }

    @Test
    void expressionsNameDeclaredInputsAndExistingSteps() throws IOException {
        JsonNode action = action();
        Set<String> declared = new TreeSet<>();
        action.path("inputs").fieldNames().forEachRemaining(declared::add);
        Set<String> stepIds = new TreeSet<>();
        action.at("/runs/steps").forEach(step -> stepIds.add(step.path("id").asText()));

        Set<String> used = new TreeSet<>();
        Matcher input = INPUT_REFERENCE.matcher(actionText());
        while (input.find()) {
            used.add(input.group(1));
        }
        Matcher step = STEP_REFERENCE.matcher(actionText());
        List<String> unknownSteps = new ArrayList<>();
        while (step.find()) {
            if (!stepIds.contains(step.group(1))) {
                unknownSteps.add(step.group());
            }
        }

        assertThat(used).as("inputs named in expressions").isEqualTo(declared);
        assertThat(unknownSteps).as("step outputs of steps that do not exist").isEmpty();
    }

    @Test
    void theScanStepPassesWhatItsScriptReadsAndTheScriptWritesTheOutputsUsed() throws IOException {
        JsonNode scan = null;
        for (JsonNode step : action().at("/runs/steps")) {
            if (step.path("id").asText().equals("scan")) {
                scan = step;
            }
        }
        assertThat(scan).isNotNull();
        Set<String> passed = new TreeSet<>();
        scan.path("env").fieldNames().forEachRemaining(passed::add);
        String script = Files.readString(REPO.resolve("action/scan.sh"), StandardCharsets.UTF_8);
        Set<String> read = new TreeSet<>();
        Matcher variable = SCRIPT_VARIABLE.matcher(script);
        while (variable.find()) {
            read.add(variable.group(1));
        }
        Set<String> written = new TreeSet<>();
        Matcher output = OUTPUT_WRITTEN.matcher(script);
        while (output.find()) {
            written.add(output.group(1));
        }
        Set<String> usedOutputs = new TreeSet<>();
        Matcher step = STEP_REFERENCE.matcher(actionText());
        while (step.find()) {
            if (step.group(1).equals("scan")) {
                usedOutputs.add(step.group(2));
            }
        }

        assertThat(passed).isEqualTo(read);
        assertThat(written).containsAll(usedOutputs);
        assertThat(scan.path("run").asText()).contains("action/scan.sh");
    }

    @Test
    void resultsAreUploadedWithTheCategoryInput() throws IOException {
        JsonNode upload = null;
        for (JsonNode step : action().at("/runs/steps")) {
            if (step.path("uses").asText().startsWith("github/codeql-action/upload-sarif@")) {
                upload = step;
            }
        }

        assertThat(upload).isNotNull();
        assertThat(upload.at("/with/category").asText()).isEqualTo("${{ inputs.category }}");
        assertThat(upload.at("/with/sarif_file").asText()).isEqualTo("${{ steps.scan.outputs.sarif-file }}");
        assertThat(upload.path("if").asText()).startsWith("always()");
    }
}
