package dev.cemap.analyzer.project;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.emulator.Hex;
import dev.cemap.emulator.PhysicalMemoryMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the RAM and RAMIMAGE entries of the OS image's {@code config.bib} (static kernel virtual
 * addresses) into physical ranges with the OEMAddressTable, once per configuration of the entry
 * and the table rows. An entry the table does not cover (in some configuration) is reported; with
 * no table at all the physical ranges are unknown.
 */
final class KernelRamTranslation {

    /** Notification id for a RAM entry of config.bib that the OEMAddressTable does not cover. */
    static final String UNMAPPED = "kernel-ram-unmapped";

    private KernelRamTranslation() {
    }

    static KernelRam of(List<BibFile> imageBibs, OemAddressTable table, List<Notification> notes) {
        List<BibFile.MemoryEntry> ram = imageBibs.stream().flatMap(bib -> bib.memory().stream())
                .filter(BibFile.MemoryEntry::isKernelRam).filter(entry -> entry.size() > 0).toList();
        if (ram.isEmpty()) {
            return KernelRam.unknown(imageBibs.isEmpty() ? "the BSP has no OS image config.bib (FILES\\config.bib)"
                    : "no RAM or RAMIMAGE entry in the MEMORY section of the OS image's config.bib");
        }
        if (table.isEmpty()) {
            return new KernelRam(PhysicalMemoryMap.empty(), ram, List.of(), Optional.of("no OEMAddressTable was found, "
                    + "so the static virtual addresses of config.bib cannot be translated to physical addresses"));
        }
        Set<String> allTables = table.tables();
        PhysicalMemoryMap map = PhysicalMemoryMap.empty();
        List<KernelRam.Placement> placements = new ArrayList<>();
        for (BibFile.MemoryEntry entry : ram) {
            List<OemAddressTable.Translation> translations = table.translations(entry.address(), entry.size(),
                    entry.condition());
            for (OemAddressTable.Gap gap : table.gaps(entry.address(), entry.size(), entry.condition())) {
                notes.add(Notification.at(UNMAPPED, Level.WARNING, entry.location(), entry.location().file().getFileName()
                        + ":" + entry.location().line() + ": " + entry.type() + " entry " + entry.name() + " at "
                        + Hex.addr(entry.address()) + " is not covered by "
                        + (allTables.size() == 1 ? "the OEMAddressTable" : gap.table())
                        + (gap.when().isAlways() ? "" : " when " + gap.when()) + "; its physical range is unknown there"));
            }
            for (OemAddressTable.Translation translation : translations) {
                KernelRam.Placement placement = new KernelRam.Placement(entry, translation.pieces(), translation.when(),
                        translation.tables().equals(allTables) ? Set.of() : translation.tables());
                placements.add(placement);
                String origin = entry.location().file().getFileName() + ":" + entry.location().line() + " "
                        + entry.type() + " entry " + entry.name() + " at " + Hex.addr(entry.address()) + "–"
                        + Hex.addr(entry.address() + entry.size() - 1)
                        + placement.label().map(label -> " (" + label + ")").orElse("");
                for (OemAddressTable.PhysicalRange piece : translation.pieces()) {
                    map = map.withKernelRam(piece.base(), piece.size(), origin);
                }
            }
        }
        return new KernelRam(map, ram, placements, Optional.empty());
    }
}
