package dev.cemap.cli.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cemap.analyzer.model.Level;
import dev.cemap.cli.output.PartialFingerprint;
import dev.cemap.cli.output.ToolInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A SARIF log cemap wrote earlier ({@code --write-baseline}, or any {@code --format sarif} output),
 * read before the scan starts so that a wrong file fails the run at once.
 */
public final class Baseline {

    private final List<BaselineResult> results;

    private Baseline(List<BaselineResult> results) {
        this.results = List.copyOf(results);
    }

    public List<BaselineResult> results() {
        return results;
    }

    /**
     * @throws BaselineException when the file cannot be read, is not SARIF 2.1.0, holds no cemap
     *                           run, or has results without cemap's partial fingerprints
     */
    public static Baseline read(Path file) throws BaselineException {
        JsonNode log;
        try {
            log = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new BaselineException("baseline " + file + " does not exist");
        } catch (JsonProcessingException e) {
            throw new BaselineException("baseline " + file + " is not JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ")", e);
        } catch (IOException e) {
            throw new BaselineException("cannot read baseline " + file + ": " + e, e);
        }
        if (log == null || !"2.1.0".equals(log.path("version").asText())) {
            throw new BaselineException("baseline " + file + " is not a SARIF 2.1.0 log");
        }
        for (JsonNode run : log.path("runs")) {
            if (ToolInfo.NAME.equals(run.at("/tool/driver/name").asText())) {
                return new Baseline(resultsOf(file, run));
            }
        }
        throw new BaselineException("baseline " + file + " holds no run of " + ToolInfo.NAME);
    }

    private static List<BaselineResult> resultsOf(Path file, JsonNode run) throws BaselineException {
        List<BaselineResult> results = new ArrayList<>();
        int index = 0;
        for (JsonNode result : run.path("results")) {
            // A result the baseline itself reported gone is not part of what it accepted.
            if (!"absent".equals(result.path("baselineState").asText())) {
                results.add(resultOf(file, result, index));
            }
            index++;
        }
        return results;
    }

    private static BaselineResult resultOf(Path file, JsonNode result, int index) throws BaselineException {
        String fingerprint = result.path("partialFingerprints").path(PartialFingerprint.KEY).asText("");
        if (fingerprint.isEmpty()) {
            throw new BaselineException("baseline " + file + ": result " + index + " has no '" + PartialFingerprint.KEY
                    + "' partial fingerprint; write the baseline with this version of " + ToolInfo.NAME);
        }
        String ruleId = result.path("ruleId").asText(result.at("/rule/id").asText(""));
        JsonNode physical = result.at("/locations/0/physicalLocation");
        return new BaselineResult(fingerprint, ruleId, level(result.path("level").asText("warning")),
                result.at("/message/text").asText(""), physical.at("/artifactLocation/uri").asText(""),
                Math.max(1, physical.at("/region/startLine").asInt(1)),
                Math.max(1, physical.at("/region/startColumn").asInt(1)));
    }

    /** SARIF's default level is warning; "none" has no cemap equivalent and reads as a note. */
    private static Level level(String sarifName) {
        return Arrays.stream(Level.values()).filter(level -> level.sarifName().equals(sarifName)).findFirst()
                .orElse(sarifName.equals("none") ? Level.NOTE : Level.WARNING);
    }
}
