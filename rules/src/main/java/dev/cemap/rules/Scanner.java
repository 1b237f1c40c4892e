package dev.cemap.rules;

/** Runs the analyzer over the requested paths and every rule over what it replays. */
public final class Scanner {

    public ScanReport scan(ScanRequest request) {
        throw new UnsupportedOperationException("not wired yet");
    }
}
