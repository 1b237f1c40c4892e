package dev.cemap.emulator;

import java.util.List;

/**
 * The result of a VirtualCopy. {@code failures} lists every violated check in kernel order (not
 * only the first, so one replay reports all defects) and {@code reasons} holds one sentence per
 * failure, in the same order. {@code failures} is empty on a failed call only when the call was
 * refused before any modelled check (a size of 0, or no reservation to copy into in
 * {@link AddressSpace#mapIoSpace}); {@code reasons} then still explains. On success
 * {@code mappedPages} holds the new page-table entries.
 */
public record CopyOutcome(boolean success, List<CopyFailure> failures, List<String> reasons,
        List<PageTableEntry> mappedPages) {

    public CopyOutcome {
        failures = List.copyOf(failures);
        reasons = List.copyOf(reasons);
        // A run's entries are immutable and made on demand: copying them would make them all.
        mappedPages = PageRun.isRunList(mappedPages) ? mappedPages : List.copyOf(mappedPages);
    }

    public boolean has(CopyFailure failure) {
        return failures.contains(failure);
    }

    /** The reason given for {@code failure}, or null when it did not occur. */
    public String reasonFor(CopyFailure failure) {
        int i = failures.indexOf(failure);
        return i < 0 ? null : reasons.get(i);
    }

    static CopyOutcome ok(List<PageTableEntry> pages) {
        return new CopyOutcome(true, List.of(), List.of(), pages);
    }

    static CopyOutcome refused(String reason) {
        return new CopyOutcome(false, List.of(), List.of(reason), List.of());
    }
}
