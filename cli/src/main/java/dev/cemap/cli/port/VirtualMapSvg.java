package dev.cemap.cli.port;

import dev.cemap.cli.port.PortingReport.Placement;
import dev.cemap.cli.port.PortingReport.Range;
import dev.cemap.cli.port.PortingReport.Site;
import dev.cemap.emulator.AreaKind;
import dev.cemap.emulator.Ce;
import dev.cemap.emulator.CeVersion;
import dev.cemap.emulator.Hex;
import dev.cemap.emulator.LayoutRegion;
import dev.cemap.emulator.VirtualLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One version's virtual address space as the emulator saw the code use it: the 4 GB layout with
 * its 32 MB sections, where each mapping's reservation landed, and a zoom on those reservations
 * (section boundaries drawn through them) with the part each call maps.
 */
final class VirtualMapSvg {

    static final double WIDTH = PhysicalMapSvg.WIDTH;
    private static final double LABEL_COLUMN = 170;
    private static final double RIGHT = WIDTH - 16;
    private static final double BAR_Y = 44;
    private static final double BAR_HEIGHT = 30;
    private static final double ROW = 22;
    private static final int MAX_ROWS = 40;
    private static final double FOUR_GB = Ce.ADDRESS_LIMIT;

    private VirtualMapSvg() {
    }

    static String render(PortingReport report, CeVersion version, boolean target, String id) {
        List<Site> placed = new ArrayList<>();
        for (Site site : report.sites()) {
            if (placementOf(site, target).isPresent()) {
                placed.add(site);
            }
        }
        List<Site> rows = placed.size() > MAX_ROWS ? placed.subList(0, MAX_ROWS) : placed;
        double zoomTop = BAR_Y + BAR_HEIGHT + 92;
        double height = zoomTop + Math.max(1, rows.size()) * ROW + 84;
        String name = ReportText.name(version);
        Svg svg = new Svg(id, WIDTH, height, name + " virtual address space");
        svg.text(8, 20, name + " virtual address space" + (target ? " (target)" : " (today)")
                + ": 4 GB, ticks every 32 MB section", "caption", "start");
        overview(svg, version);
        markers(svg, placed, target);
        zoom(svg, report, rows, target, zoomTop);
        if (placed.size() > rows.size()) {
            svg.text(LABEL_COLUMN, height - 58, (placed.size() - rows.size()) + " more mapping calls not drawn", "note",
                    "start");
        }
        Legend.draw(svg, 8, height - 22, List.of(new String[] {"reservation", "reservation"},
                new String[] {target ? "site breaks" : "site crosses", target ? "maps; breaks on " + name
                        : "maps; crosses a 32 MB section (" + name + " refuses)"},
                new String[] {"site already-wrong", "maps; reported on both"}, new String[] {"site ok", "maps"},
                new String[] {"boundary-swatch", "32 MB section boundary"}));
        return svg.close();
    }

    private static Optional<Placement> placementOf(Site site, boolean target) {
        return target ? site.onTarget() : site.onSource();
    }

    private static double x(long address) {
        return LABEL_COLUMN + (RIGHT - LABEL_COLUMN) * (address / FOUR_GB);
    }

    /** The layout's areas; CE 5's 33 process slots are drawn as one block. */
    private static void overview(Svg svg, CeVersion version) {
        List<LayoutRegion> regions = new ArrayList<>();
        for (LayoutRegion region : VirtualLayout.of(version).regions()) {
            LayoutRegion last = regions.isEmpty() ? null : regions.get(regions.size() - 1);
            if (last != null && last.kind() == AreaKind.PROCESS_SLOT && region.kind() == AreaKind.PROCESS_SLOT) {
                regions.set(regions.size() - 1, new LayoutRegion("process slots (33 × 32 MB)", last.start(),
                        region.endExclusive(), AreaKind.PROCESS_SLOT));
            } else {
                regions.add(region);
            }
        }
        svg.text(8, BAR_Y + 19, "layout", "lane-label", "start");
        for (LayoutRegion region : regions) {
            double left = x(region.start());
            double width = x(region.endExclusive()) - left;
            svg.rect(left, BAR_Y, width, BAR_HEIGHT, "area " + region.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    region.name() + " " + Hex.addr(region.start()) + "–" + Hex.addr(region.endExclusive() - 1));
            String label = width > 7.2 * region.name().length() + 8 ? region.name() : ReportText.area(region.kind());
            if (width > 7.2 * label.length() + 8) {
                svg.text(left + width / 2, BAR_Y + 19, label, "area-label", "middle");
            }
        }
        for (long section = 0; section <= Ce.ADDRESS_LIMIT; section += Ce.SECTION_SIZE) {
            double at = x(section);
            svg.line(at, BAR_Y - 6, at, BAR_Y, section % 0x40000000L == 0 ? "section-major" : "section-tick");
        }
        for (long gigabyte = 0; gigabyte <= Ce.ADDRESS_LIMIT; gigabyte += 0x40000000L) {
            svg.text(x(gigabyte), BAR_Y - 9, Hex.addr(Math.min(gigabyte, Ce.ADDRESS_LIMIT - 1)), "tick",
                    gigabyte == 0 ? "start" : gigabyte == Ce.ADDRESS_LIMIT ? "end" : "middle");
        }
    }

    /** A mark under the layout where each reservation landed, with the numbers of its calls. */
    private static void markers(Svg svg, List<Site> sites, boolean target) {
        Map<Long, List<Integer>> byBase = new TreeMap<>();
        for (Site site : sites) {
            byBase.computeIfAbsent(placementOf(site, target).orElseThrow().reservationBase(), b -> new ArrayList<>())
                    .add(site.number());
        }
        double lastEnd = -1;
        int level = 0;
        for (Map.Entry<Long, List<Integer>> entry : byBase.entrySet()) {
            double at = x(entry.getKey());
            String label = numbers(entry.getValue()) + " at " + Hex.addr(entry.getKey());
            level = at < lastEnd ? level + 1 : 0;
            double y = BAR_Y + BAR_HEIGHT + 16 + level * 15;
            svg.path("M" + Svg.n(at) + " " + Svg.n(BAR_Y + BAR_HEIGHT + 1) + " l-5 8 l10 0 z", "marker");
            double width = 6.2 * label.length();
            double textX = Math.min(Math.max(at, LABEL_COLUMN + width / 2), RIGHT - width / 2);
            svg.text(textX, y + 8, label, "marker-label", "middle");
            lastEnd = textX + width / 2 + 6;
        }
    }

    /** Reservations to a readable scale: one row per call, section boundaries drawn through. */
    private static void zoom(Svg svg, PortingReport report, List<Site> rows, boolean target, double top) {
        svg.text(8, top - 26, "Zoom on the reservations (empty stretches cut out, each segment whole 32 MB sections)",
                "caption", "start");
        if (rows.isEmpty()) {
            svg.text(LABEL_COLUMN, top + 15, "the emulator placed no reservation", "note", "start");
            return;
        }
        List<Range> reservations = new ArrayList<>();
        for (Site site : rows) {
            Placement placement = placementOf(site, target).orElseThrow();
            reservations.add(new Range(placement.reservationBase(), placement.reservationSize()));
        }
        BrokenAxis axis = BrokenAxis.of(reservations, Ce.SECTION_SIZE, 0, LABEL_COLUMN, RIGHT - LABEL_COLUMN);
        double bottom = top + rows.size() * ROW;
        for (BrokenAxis.Segment segment : axis.segments()) {
            for (long boundary = segment.start() + Ce.SECTION_SIZE; boundary < segment.end(); boundary += Ce.SECTION_SIZE) {
                double at = segment.xOf(boundary);
                svg.line(at, top - 12, at, bottom, "boundary");
                svg.text(at, top - 14, Hex.addr(boundary), "boundary-label", "middle");
            }
        }
        double y = top;
        for (Site site : rows) {
            Placement placement = placementOf(site, target).orElseThrow();
            svg.text(8, y + 15, "#" + site.number() + " " + shortWhere(report, site), "row-label", "start");
            double[] reserved = axis.span(placement.reservationBase(), placement.reservationSize(), 3);
            svg.rect(reserved[0], y + 3, reserved[1], ROW - 6, "reservation", "reservation " + Hex.addr(placement.reservationBase())
                    + "–" + Hex.addr(placement.reservationBase() + placement.reservationSize() - 1) + " (" + ReportText.area(placement.area()) + ")");
            long mappedAt = placement.address().orElse(placement.reservationBase());
            long mappedSize = site.size().orElse(placement.reservationSize());
            String css = target ? "site " + site.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-')
                    : placement.crossesSection() ? "site crosses" : "site ok";
            double[] mapped = axis.span(mappedAt, Math.max(1, mappedSize), 3);
            if (mapped[1] < 60) {
                // Too small to see at this scale: say where it is.
                svg.text(mapped[0] + mapped[1] + 4, y + 15, Hex.addr(mappedAt), "bar-label-out", "start");
            }
            svg.rect(mapped[0], y + 6, mapped[1], ROW - 12, css, "#" + site.number() + " " + site.api() + " maps "
                    + Hex.addr(mappedAt) + "–" + Hex.addr(mappedAt + mappedSize - 1) + (site.physical().isPresent()
                            ? " → physical " + site.physicalText() : ""));
            y += ROW;
        }
        AxisDrawing.draw(svg, axis, top - 4, bottom + 2, "virtual");
    }

    /** {@code keypad.c:56}: the file name is enough beside the number. */
    private static String shortWhere(PortingReport report, Site site) {
        return site.location().file().getFileName() + ":" + site.location().line();
    }

    /** {@code #1, #3–#5}. */
    static String numbers(List<Integer> numbers) {
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < numbers.size()) {
            int j = i;
            while (j + 1 < numbers.size() && numbers.get(j + 1) == numbers.get(j) + 1) {
                j++;
            }
            text.append(text.length() == 0 ? "" : ", ").append('#').append(numbers.get(i));
            if (j > i) {
                text.append("–#").append(numbers.get(j));
            }
            i = j + 1;
        }
        return text.toString();
    }
}
