package dev.cemap.emulator;

import java.util.Optional;

/** The result of VirtualFree: success, or why the kernel refuses (and what then stays allocated). */
public record FreeOutcome(boolean success, Optional<String> failure) {

    static FreeOutcome ok() {
        return new FreeOutcome(true, Optional.empty());
    }

    static FreeOutcome fail(String why) {
        return new FreeOutcome(false, Optional.of(why));
    }
}
