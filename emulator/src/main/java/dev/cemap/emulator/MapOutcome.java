package dev.cemap.emulator;

import java.util.Optional;

/**
 * The result of CEDDK's MmMapIoSpace: the reservation it made (already released again when the
 * copy failed, as CEDDK does), the address it returns (0 on failure) and the VirtualCopy result.
 */
public record MapOutcome(Optional<Reservation> reservation, long address, CopyOutcome copy) {

    public boolean success() {
        return address != 0 && copy.success();
    }
}
