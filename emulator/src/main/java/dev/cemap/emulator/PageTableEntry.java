package dev.cemap.emulator;

import java.util.OptionalLong;

/**
 * One mapped virtual page. {@code physicalPage} is empty when the kernel chose the frame (RAM
 * committed by MEM_COMMIT, a copy of such a page, a static OEMAddressTable mapping whose table
 * cemap does not know). {@code origin} says how the entry was made, for findings.
 */
public record PageTableEntry(long virtualPage, OptionalLong physicalPage, int protect, String origin) {

    /** The physical address of {@code va} (which must lie in this page), when known. */
    public OptionalLong physicalAddressOf(long va) {
        if (physicalPage.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(physicalPage.getAsLong() + Ce.pageOffset(va));
    }

    @Override
    public String toString() {
        String pa = physicalPage.isPresent() ? Hex.addr(physicalPage.getAsLong()) : "RAM (kernel-chosen)";
        return Hex.addr(virtualPage) + " -> " + pa + " " + Protection.describe(protect) + " (" + origin + ")";
    }
}
