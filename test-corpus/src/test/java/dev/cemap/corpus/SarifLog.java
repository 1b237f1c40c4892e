package dev.cemap.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a SARIF log the corpus checks, read with plain Jackson so that the test does not
 * share a model, and therefore a bug, with the writer.
 */
final class SarifLog {

    /** A result: {@code runs[0].results[i]}. */
    record Result(String ruleId, String level, String message, String uri, int line) {
        LineRule lineRule() {
            return new LineRule(line, ruleId);
        }
    }

    /** A tool execution notification: {@code runs[0].invocations[0].toolExecutionNotifications[i]}. */
    record Notification(String id, String level, String message, Optional<String> uri, int line) {
        @Override
        public String toString() {
            return level + " [" + id + "] " + uri.map(u -> u + (line > 0 ? ":" + line : "") + ": ").orElse("")
                    + message;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;

    private SarifLog(JsonNode root) {
        this.root = root;
    }

    static SarifLog read(Path file) {
        try {
            return new SarifLog(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON SARIF log: " + file, e);
        }
    }

    String version() {
        return root.path("version").asText("");
    }

    boolean hasRun() {
        return root.path("runs").isArray() && root.path("runs").size() > 0;
    }

    boolean hasInvocation() {
        return run().path("invocations").isArray() && run().path("invocations").size() > 0;
    }

    List<Result> results() {
        List<Result> results = new ArrayList<>();
        for (JsonNode result : run().path("results")) {
            JsonNode physical = result.path("locations").path(0).path("physicalLocation");
            results.add(new Result(
                    result.path("ruleId").asText(""),
                    result.path("level").asText("warning"),
                    result.path("message").path("text").asText(""),
                    decodedUri(physical.path("artifactLocation").path("uri").asText("")),
                    physical.path("region").path("startLine").asInt(0)));
        }
        return results;
    }

    List<Notification> notifications() {
        List<Notification> notifications = new ArrayList<>();
        for (JsonNode notification : run().path("invocations").path(0).path("toolExecutionNotifications")) {
            JsonNode physical = notification.path("locations").path(0).path("physicalLocation");
            String uri = physical.path("artifactLocation").path("uri").asText("");
            notifications.add(new Notification(
                    notification.path("descriptor").path("id").asText(""),
                    // SARIF's default level for a notification is "warning".
                    notification.path("level").asText("warning"),
                    notification.path("message").path("text").asText(""),
                    uri.isEmpty() ? Optional.empty() : Optional.of(decodedUri(uri)),
                    physical.path("region").path("startLine").asInt(0)));
        }
        return notifications;
    }

    private JsonNode run() {
        return root.path("runs").path(0);
    }

    /** URIs are percent-encoded ("path%20with%20spaces/x.c"); compare them as paths. */
    private static String decodedUri(String uri) {
        if (uri.isEmpty()) {
            return uri;
        }
        try {
            String path = URI.create(uri).getPath();
            return path != null ? path : uri;
        } catch (IllegalArgumentException notAUri) {
            return uri;
        }
    }
}
