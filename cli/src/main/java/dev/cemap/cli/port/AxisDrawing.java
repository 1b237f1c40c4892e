package dev.cemap.cli.port;

import dev.cemap.emulator.Hex;

/** Draws a {@link BrokenAxis}: segment edges with their addresses, and a break mark in each gap. */
final class AxisDrawing {

    private static final double WIDE_ENOUGH_FOR_TWO_LABELS = 170;

    private AxisDrawing() {
    }

    static void draw(Svg svg, BrokenAxis axis, double top, double baseline, String kind) {
        BrokenAxis.Segment previous = null;
        for (BrokenAxis.Segment segment : axis.segments()) {
            double left = segment.x();
            double right = segment.x() + segment.width();
            svg.line(left, top, left, baseline, "edge");
            svg.line(right, top, right, baseline, "edge");
            svg.line(left, baseline, right, baseline, "axis");
            svg.text(left, baseline + 14, Hex.addr(segment.start()), "tick", "start");
            if (segment.width() >= WIDE_ENOUGH_FOR_TWO_LABELS) {
                svg.text(right, baseline + 14, Hex.addr(segment.end() - 1), "tick", "end");
            }
            if (previous != null) {
                double mid = left - BrokenAxis.GAP / 2;
                svg.path("M" + Svg.n(mid - 6) + " " + Svg.n(baseline + 5) + " L" + Svg.n(mid - 2) + " "
                        + Svg.n(baseline - 5) + " M" + Svg.n(mid + 2) + " " + Svg.n(baseline + 5) + " L"
                        + Svg.n(mid + 6) + " " + Svg.n(baseline - 5), "break");
            }
            previous = segment;
        }
        svg.text(axis.end(), baseline + 28, kind + " address", "axis-name", "end");
    }
}
