package dev.cemap.cli.port;

import dev.cemap.analyzer.project.BibFile;
import dev.cemap.analyzer.project.Bsp;
import dev.cemap.analyzer.project.DriverKey;
import dev.cemap.analyzer.project.DriverLoad;
import dev.cemap.analyzer.project.ExecutionContext;
import dev.cemap.analyzer.project.KernelRam;
import dev.cemap.analyzer.project.OemAddressTable;
import dev.cemap.analyzer.project.Window;
import dev.cemap.cli.port.PortingReport.Range;
import dev.cemap.cli.port.PortingReport.Site;
import dev.cemap.emulator.Hex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The physical address space of one BSP as a picture: the OS image's config.bib memory (kernel RAM
 * and reserved ranges, translated through the OEMAddressTable, a bar per configuration), each user-mode driver's registry
 * windows, and every physical range the code maps, coloured by what the target does with it.
 */
final class PhysicalMapSvg {

    static final double WIDTH = 1240;
    private static final double LABEL_COLUMN = 170;
    private static final double LANE = 26;
    private static final double TOP = 34;

    /** A bar of one lane. */
    private record Bar(Range range, String cssClass, String label, String tooltip) {
    }

    private PhysicalMapSvg() {
    }

    static String render(PortingReport report, Bsp bsp, List<Site> sites, String id) {
        List<Bar> memory = memoryBars(bsp);
        List<List<Bar>> windowLanes = new ArrayList<>();
        List<String> windowNames = new ArrayList<>();
        Set<DriverKey> drawn = new HashSet<>();
        for (DriverLoad load : bsp.loads()) {
            Optional<DriverKey> key = load.reflectedKey();
            if (load.modeOnCe6() == ExecutionContext.Mode.USER_DRIVER && key.isPresent()
                    && !key.get().windows().isEmpty() && drawn.add(key.get())) {
                List<Bar> bars = new ArrayList<>();
                for (Window window : key.get().windows()) {
                    bars.add(new Bar(new Range(window.base(), window.length()), "window", window.kind(),
                            key.get().dll() + " " + window + (window.conditional() ? " when " + window.condition() : "")));
                }
                windowLanes.add(bars);
                windowNames.add(key.get().key().leafName() + " windows");
            }
        }
        List<Bar> mapped = new ArrayList<>();
        for (Site site : sites) {
            if (site.physical().isPresent() && site.size().isPresent() && site.size().getAsLong() > 0) {
                mapped.add(new Bar(new Range(site.physical().getAsLong(), site.size().getAsLong()),
                        "site " + site.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-'), "#" + site.number(),
                        "#" + site.number() + " " + report.where(site.location()) + " " + site.api() + " "
                                + site.physicalText() + ": " + ReportText.verdict(site, report.to())));
            }
        }
        List<Range> all = new ArrayList<>();
        memory.forEach(bar -> all.add(bar.range()));
        windowLanes.forEach(lane -> lane.forEach(bar -> all.add(bar.range())));
        mapped.forEach(bar -> all.add(bar.range()));
        BrokenAxis axis = BrokenAxis.of(all, 0x1000, 0x100000, LABEL_COLUMN, WIDTH - LABEL_COLUMN - 16);
        List<List<Bar>> siteRows = pack(mapped, axis);
        List<List<Bar>> memoryRows = pack(memory, axis);

        int lanes = Math.max(1, memoryRows.size()) + windowLanes.size() + Math.max(1, siteRows.size());
        double height = TOP + lanes * LANE + 70;
        Svg svg = new Svg(id, WIDTH, height, "Physical memory map of " + bsp.root().getFileName());
        svg.text(8, 20, "Physical address space (gaps cut out; each segment to its own scale)", "caption", "start");
        double y = TOP;
        for (int i = 0; i < Math.max(1, memoryRows.size()); i++) {
            lane(svg, axis, i == 0 ? "OS image memory" : "", i < memoryRows.size() ? memoryRows.get(i) : List.of(), y);
            y += LANE;
        }
        for (int i = 0; i < windowLanes.size(); i++) {
            lane(svg, axis, windowNames.get(i), windowLanes.get(i), y);
            y += LANE;
        }
        if (siteRows.isEmpty()) {
            svg.text(8, y + 17, "mapped by the code", "lane-label", "start");
            svg.text(LABEL_COLUMN, y + 17, "no physical range known", "note", "start");
            y += LANE;
        }
        for (int i = 0; i < siteRows.size(); i++) {
            lane(svg, axis, i == 0 ? "mapped by the code" : "", siteRows.get(i), y);
            y += LANE;
        }
        AxisDrawing.draw(svg, axis, TOP - 4, y + 2, "physical");
        Legend.draw(svg, 8, y + 48, List.of(new String[] {"ram", "kernel RAM (RAM, RAMIMAGE)"},
                new String[] {"reserved", "RESERVED"}, new String[] {"ram conditional", "in some configurations"}, new String[] {"window", "registry window"},
                new String[] {"site breaks", "breaks on " + ReportText.name(report.to())},
                new String[] {"site already-wrong", "reported on both"}, new String[] {"site ok", "fine"}));
        return svg.close();
    }

    /**
     * The OS image's memory at its physical addresses: kernel RAM as placed per configuration, and
     * the other entries (RESERVED …) translated the same way; a conditional bar says when in its tooltip.
     */
    private static List<Bar> memoryBars(Bsp bsp) {
        List<Bar> bars = new ArrayList<>();
        for (KernelRam.Placement placement : bsp.kernelRam().placements()) {
            bars.addAll(bars(placement.entry(), placement.physical(), placement.label(), "ram"));
        }
        OemAddressTable table = bsp.addressTable();
        for (BibFile bib : bsp.bibFiles()) {
            for (BibFile.MemoryEntry entry : bib.memory()) {
                if (entry.isKernelRam() || entry.type() == BibFile.MemoryType.FIXUPVAR || entry.size() <= 0) {
                    continue;
                }
                Set<String> allTables = table.tables();
                for (OemAddressTable.Translation translation : table.translations(entry.address(), entry.size(),
                        entry.condition())) {
                    KernelRam.Placement placement = new KernelRam.Placement(entry, translation.pieces(), translation.when(),
                            translation.tables().equals(allTables) ? Set.of() : translation.tables());
                    bars.addAll(bars(entry, placement.physical(), placement.label(), "reserved"));
                }
            }
        }
        return bars;
    }

    private static List<Bar> bars(BibFile.MemoryEntry entry, List<OemAddressTable.PhysicalRange> pieces,
            Optional<String> label, String css) {
        List<Bar> bars = new ArrayList<>();
        for (OemAddressTable.PhysicalRange piece : pieces) {
            Range range = new Range(piece.base(), piece.size());
            bars.add(new Bar(range, css + (label.isPresent() ? " conditional" : ""), entry.name(), entry.name() + " "
                    + entry.type() + " " + range + " (static " + Hex.addr(entry.address()) + ")"
                    + label.map(l -> ", " + l).orElse("")));
        }
        return bars;
    }

    /** Rows of bars that do not overlap on screen, labels included: first row with room wins. */
    private static List<List<Bar>> pack(List<Bar> bars, BrokenAxis axis) {
        List<List<Bar>> rows = new ArrayList<>();
        List<Double> rowEnds = new ArrayList<>();
        List<Bar> sorted = new ArrayList<>(bars);
        sorted.sort(java.util.Comparator.comparingLong((Bar b) -> b.range().base()).thenComparing(Bar::label));
        for (Bar bar : sorted) {
            double[] span = axis.span(bar.range().base(), bar.range().size(), 4);
            double needed = Math.max(span[1], 8 * bar.label().length() + 6);
            int row = 0;
            while (row < rows.size() && rowEnds.get(row) > span[0] - 3) {
                row++;
            }
            if (row == rows.size()) {
                rows.add(new ArrayList<>());
                rowEnds.add(0.0);
            }
            rows.get(row).add(bar);
            rowEnds.set(row, span[0] + needed);
        }
        return rows;
    }

    private static void lane(Svg svg, BrokenAxis axis, String name, List<Bar> bars, double y) {
        svg.rect(axis.segments().get(0).x(), y + 2, axis.end() - axis.segments().get(0).x(), LANE - 4, "lane", "");
        svg.text(8, y + 17, name, "lane-label", "start");
        for (Bar bar : bars) {
            double[] span = axis.span(bar.range().base(), bar.range().size(), bar.cssClass().equals("window") ? 7 : 4);
            svg.rect(span[0], y + 4, span[1], LANE - 8, bar.cssClass(), bar.tooltip());
            double labelWidth = 7 * bar.label().length();
            if (span[1] >= labelWidth + 6) {
                svg.text(span[0] + span[1] / 2, y + 17, bar.label(), "bar-label", "middle");
            } else if (bar.cssClass().startsWith("site")) {
                svg.text(span[0] + span[1] + 2, y + 17, bar.label(), "bar-label-out", "start");
            }
        }
    }
}
