package dev.cemap.analyzer.project;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.emulator.Hex;
import dev.cemap.emulator.PhysicalMemoryMap;
import java.util.List;
import java.util.Optional;

/**
 * Turns the RAM and RAMIMAGE entries of {@code config.bib} (static kernel virtual addresses)
 * into physical ranges with the OEMAddressTable. An entry the table does not cover is reported
 * and left out; with no table at all the physical ranges are unknown.
 */
final class KernelRamTranslation {

    /** Notification id for a RAM entry of config.bib that the OEMAddressTable does not cover. */
    static final String UNMAPPED = "kernel-ram-unmapped";

    private KernelRamTranslation() {
    }

    static KernelRam of(List<BibFile> bibFiles, OemAddressTable table, List<Notification> notes) {
        List<BibFile.MemoryEntry> ram = bibFiles.stream().flatMap(bib -> bib.memory().stream())
                .filter(BibFile.MemoryEntry::isKernelRam).toList();
        if (ram.isEmpty()) {
            return KernelRam.unknown("no RAM or RAMIMAGE entry in a config.bib MEMORY section");
        }
        if (table.isEmpty()) {
            return new KernelRam(PhysicalMemoryMap.empty(), ram, Optional.of("no OEMAddressTable was found, so the "
                    + "static virtual addresses of config.bib cannot be translated to physical addresses"));
        }
        PhysicalMemoryMap map = PhysicalMemoryMap.empty();
        for (BibFile.MemoryEntry entry : ram) {
            List<OemAddressTable.PhysicalRange> pieces = table.translate(entry.address(), entry.size());
            if (pieces.isEmpty()) {
                notes.add(Notification.at(UNMAPPED, Level.WARNING, entry.location(), entry.location().file().getFileName()
                        + ":" + entry.location().line() + ": " + entry.type() + " entry " + entry.name() + " at "
                        + Hex.addr(entry.address()) + " is not covered by the OEMAddressTable; its physical range is unknown"));
                continue;
            }
            String origin = entry.location().file().getFileName() + ":" + entry.location().line() + " " + entry.type()
                    + " entry " + entry.name() + " at " + Hex.addr(entry.address()) + "–"
                    + Hex.addr(entry.address() + entry.size() - 1)
                    + (entry.conditional() ? " (inside an #if/IF the scan cannot decide)" : "");
            for (OemAddressTable.PhysicalRange piece : pieces) {
                map = map.withKernelRam(piece.base(), piece.size(), origin);
            }
        }
        return new KernelRam(map, ram, Optional.empty());
    }
}
