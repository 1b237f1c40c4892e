package dev.cemap.analyzer.model;

import java.util.Optional;

/**
 * Something the tool could not do with the user's input: a file that does not parse, cannot be
 * read or decoded, a missing header that was read as empty. Reported in SARIF as a
 * {@code toolExecutionNotification} and on stderr; never a reason to stop the run.
 *
 * @param id       stable identifier of the kind of problem (e.g. {@code parse-error})
 * @param level    how serious it is for the quality of the results
 * @param message  one sentence a user can act on
 * @param location where it happened; empty when it concerns the run as a whole
 */
public record Notification(String id, Level level, String message, Optional<SourceLocation> location)
        implements Comparable<Notification> {

    public static Notification at(String id, Level level, SourceLocation location, String message) {
        return new Notification(id, level, message, Optional.of(location));
    }

    public static Notification global(String id, Level level, String message) {
        return new Notification(id, level, message, Optional.empty());
    }

    @Override
    public int compareTo(Notification other) {
        int byLocation = compareLocations(location, other.location);
        if (byLocation != 0) {
            return byLocation;
        }
        int byId = id.compareTo(other.id);
        return byId != 0 ? byId : message.compareTo(other.message);
    }

    private static int compareLocations(Optional<SourceLocation> a, Optional<SourceLocation> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isPresent(), b.isPresent());
        }
        return a.get().compareTo(b.get());
    }
}
