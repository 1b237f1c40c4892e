package dev.cemap.emulator;

import java.util.Optional;

/**
 * The result of VirtualAlloc: the reservation made (or, for MEM_COMMIT inside an existing
 * reservation, the one committed into), or why the call fails. VirtualAlloc returns
 * {@code reservation.base()} for a new reservation and the page of the requested address when
 * committing into an existing one.
 */
public record AllocOutcome(Optional<Reservation> reservation, Optional<String> failure) {

    public boolean success() {
        return reservation.isPresent();
    }

    static AllocOutcome ok(Reservation r) {
        return new AllocOutcome(Optional.of(r), Optional.empty());
    }

    static AllocOutcome fail(String why) {
        return new AllocOutcome(Optional.empty(), Optional.of(why));
    }
}
