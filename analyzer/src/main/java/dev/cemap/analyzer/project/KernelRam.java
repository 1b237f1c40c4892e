package dev.cemap.analyzer.project;

import dev.cemap.emulator.PhysicalMemoryMap;
import java.util.List;
import java.util.Optional;

/**
 * The physical RAM the kernel manages according to a BSP's {@code config.bib}: its RAM and
 * RAMIMAGE entries translated through the OEMAddressTable. Without the table (or without a
 * config.bib) the physical ranges are unknown, which is said rather than guessed.
 *
 * @param map           the translated ranges; empty when unknown
 * @param entries       the config.bib RAM and RAMIMAGE entries (static virtual addresses)
 * @param unknownReason why the physical ranges are not known, when they are not
 */
public record KernelRam(PhysicalMemoryMap map, List<BibFile.MemoryEntry> entries, Optional<String> unknownReason) {

    public KernelRam {
        entries = List.copyOf(entries);
    }

    public static KernelRam unknown(String reason) {
        return new KernelRam(PhysicalMemoryMap.empty(), List.of(), Optional.of(reason));
    }

    public boolean known() {
        return unknownReason.isEmpty();
    }

    /** The kernel RAM range {@code [pa, pa + size)} touches, if any (never when unknown). */
    public Optional<PhysicalMemoryMap.Range> overlapping(long pa, long size) {
        return map.kernelRamOverlapping(pa, size);
    }
}
