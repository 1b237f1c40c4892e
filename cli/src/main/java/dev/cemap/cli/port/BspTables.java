package dev.cemap.cli.port;

import dev.cemap.analyzer.project.BibFile;
import dev.cemap.analyzer.project.Bsp;
import dev.cemap.analyzer.project.DriverKey;
import dev.cemap.analyzer.project.DriverLoad;
import dev.cemap.analyzer.project.KernelRam;
import dev.cemap.analyzer.project.OemAddressTable;
import dev.cemap.analyzer.project.Window;
import dev.cemap.emulator.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rows of a BSP's tables, the same for the Markdown and the HTML report: the OS image's RAM at
 * its physical addresses (one row per configuration the scan cannot decide, with its condition),
 * the DLLs each loader loads and how they run, and the other images' bib files.
 */
final class BspTables {

    /** One row of the kernel RAM table. */
    record RamRow(String name, String type, String staticVirtual, String physical, String when, String where) {
    }

    /** One row of the loaders table. */
    record LoadRow(String dll, String loader, String key, String ce5Process, String onTarget, String windows,
            String when) {
    }

    private BspTables() {
    }

    /** Each RAM and RAMIMAGE entry at its physical addresses, per configuration; "unknown" where untranslated. */
    static List<RamRow> kernelRam(PortingReport report, Bsp bsp) {
        KernelRam ram = bsp.kernelRam();
        List<RamRow> rows = new ArrayList<>();
        for (BibFile.MemoryEntry entry : ram.entries()) {
            List<KernelRam.Placement> placements = ram.placements().stream()
                    .filter(p -> p.entry().equals(entry)).toList();
            String where = report.where(entry.location());
            if (placements.isEmpty()) {
                rows.add(new RamRow(entry.name(), entry.type().name(), range(entry.address(), entry.size()), "unknown",
                        entry.condition().isAlways() ? "always" : entry.condition().toString(), where));
            }
            for (KernelRam.Placement placement : placements) {
                rows.add(new RamRow(entry.name(), entry.type().name(), range(entry.address(), entry.size()),
                        physical(placement.physical()), placement.label().map(l -> l.replaceFirst("^when ", ""))
                                .orElse("always"), where));
            }
        }
        return rows;
    }

    /** The other images' bib files, named: boot loaders and test images whose RAM is not the kernel's. */
    static Optional<String> otherImages(PortingReport report, Bsp bsp) {
        if (bsp.otherImages().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(bsp.otherImages().stream().map(bib -> report.relative(bib.file()))
                .collect(Collectors.joining(", ")));
    }

    /** Every DLL a known loader loads, with how it runs on each version. */
    static List<LoadRow> loads(Bsp bsp) {
        List<LoadRow> rows = new ArrayList<>();
        for (DriverLoad load : bsp.loads()) {
            rows.add(new LoadRow(load.dll(), load.loader().name() + " (" + load.loader().role() + ")", load.where(),
                    load.loader().ce5Host(), ReportText.mode(load.modeOnCe6()),
                    load.reflectedKey().map(BspTables::windows).orElse("–"),
                    load.when().isAlways() ? "always" : load.when().toString()));
        }
        return rows;
    }

    private static String windows(DriverKey key) {
        return key.windows().isEmpty() ? "–" : key.windows().stream().map(Window::toString).collect(Collectors.joining(", "));
    }

    static String physical(List<OemAddressTable.PhysicalRange> pieces) {
        return pieces.isEmpty() ? "unknown" : pieces.stream().map(p -> range(p.base(), p.size()))
                .collect(Collectors.joining(", "));
    }

    static String range(long base, long size) {
        return Hex.addr(base) + "–" + Hex.addr(base + size - 1);
    }
}
