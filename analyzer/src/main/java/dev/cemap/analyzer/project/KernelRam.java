package dev.cemap.analyzer.project;

import dev.cemap.emulator.PhysicalMemoryMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The physical RAM the kernel manages according to the OS image's {@code config.bib}: its RAM and
 * RAMIMAGE entries translated through the OEMAddressTable. Without the table (or without a
 * config.bib) the physical ranges are unknown, which is said rather than guessed. Entries and
 * table rows under conditions the scan cannot decide give one placement per configuration, each
 * labelled with its condition.
 *
 * @param map           the translated ranges; empty when unknown
 * @param entries       the config.bib RAM and RAMIMAGE entries (static virtual addresses)
 * @param placements    each entry at its physical addresses, per configuration
 * @param unknownReason why the physical ranges are not known, when they are not
 */
public record KernelRam(PhysicalMemoryMap map, List<BibFile.MemoryEntry> entries, List<Placement> placements,
        Optional<String> unknownReason) {

    /**
     * An entry in physical memory, in some configurations.
     *
     * @param entry    the config.bib entry
     * @param physical its physical ranges
     * @param when     the configurations: the entry's condition and the table rows'
     * @param tables   the address tables that place it so, when not every table does
     */
    public record Placement(BibFile.MemoryEntry entry, List<OemAddressTable.PhysicalRange> physical, Condition when,
            Set<String> tables) {

        public Placement {
            physical = List.copyOf(physical);
            tables = Set.copyOf(tables);
        }

        /** The condition as a reader wants it: empty when it always holds. */
        public Optional<String> label() {
            String condition = when.isAlways() ? "" : "when " + when;
            String table = tables.isEmpty() ? "" : "with " + String.join(" or ", tables.stream().sorted().toList());
            String label = (condition + (condition.isEmpty() || table.isEmpty() ? "" : ", ") + table).strip();
            return label.isEmpty() ? Optional.empty() : Optional.of(label);
        }
    }

    public KernelRam {
        entries = List.copyOf(entries);
        placements = List.copyOf(placements);
    }

    /** Kernel RAM known as physical ranges only, without its config.bib entries. */
    public KernelRam(PhysicalMemoryMap map, List<BibFile.MemoryEntry> entries, Optional<String> unknownReason) {
        this(map, entries, List.of(), unknownReason);
    }

    public static KernelRam unknown(String reason) {
        return new KernelRam(PhysicalMemoryMap.empty(), List.of(), List.of(), Optional.of(reason));
    }

    public boolean known() {
        return unknownReason.isEmpty();
    }

    /** The kernel RAM range {@code [pa, pa + size)} touches, if any (never when unknown). */
    public Optional<PhysicalMemoryMap.Range> overlapping(long pa, long size) {
        return map.kernelRamOverlapping(pa, size);
    }
}
