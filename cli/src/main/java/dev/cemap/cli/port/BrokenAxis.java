package dev.cemap.cli.port;

import dev.cemap.cli.port.PortingReport.Range;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An address axis with the empty stretches cut out. Physical maps hold 128 MB of DRAM and 4 KB
 * register blocks 700 MB away; drawn to one scale the registers vanish. Here each cluster of
 * interesting ranges gets its own linear segment (wider for larger clusters, never too narrow to
 * read), and the gaps between clusters are drawn as breaks.
 */
final class BrokenAxis {

    /** One linear piece: addresses {@code [start, end)} drawn over {@code [x, x + width)}. */
    record Segment(long start, long end, double x, double width) {

        double xOf(long address) {
            double fraction = (double) (Math.max(start, Math.min(end, address)) - start) / (end - start);
            return x + fraction * width;
        }
    }

    static final double GAP = 22;
    private static final double MIN_SEGMENT = 96;

    private final List<Segment> segments;

    private BrokenAxis(List<Segment> segments) {
        this.segments = List.copyOf(segments);
    }

    /**
     * @param ranges    what must be visible
     * @param padding   clusters start and end on multiples of this (a page, a 32 MB section)
     * @param mergeGap  ranges closer than this share a segment
     */
    static BrokenAxis of(List<Range> ranges, long padding, long mergeGap, double x, double width) {
        List<Range> sorted = new ArrayList<>(ranges.stream().filter(r -> r.size() > 0).toList());
        sorted.sort(Comparator.comparingLong(Range::base));
        List<long[]> clusters = new ArrayList<>();
        for (Range range : sorted) {
            long start = Math.floorDiv(range.base(), padding) * padding;
            long end = Math.floorDiv(range.end() + padding - 1, padding) * padding;
            long[] last = clusters.isEmpty() ? null : clusters.get(clusters.size() - 1);
            if (last != null && start - last[1] <= mergeGap) {
                last[1] = Math.max(last[1], end);
            } else {
                clusters.add(new long[] {start, end});
            }
        }
        if (clusters.isEmpty()) {
            clusters.add(new long[] {0, padding});
        }
        double available = width - GAP * (clusters.size() - 1);
        double[] weights = new double[clusters.size()];
        for (int i = 0; i < clusters.size(); i++) {
            // A logarithmic share: 128 MB of DRAM gets more room than a 4 KB block, but not 32768 times more.
            double pages = Math.max(1, (clusters.get(i)[1] - clusters.get(i)[0]) / 4096.0);
            weights[i] = 3 + Math.log(pages) / Math.log(2);
        }
        double[] widths = shares(weights, available);
        List<Segment> segments = new ArrayList<>();
        double at = x;
        for (int i = 0; i < clusters.size(); i++) {
            segments.add(new Segment(clusters.get(i)[0], clusters.get(i)[1], at, widths[i]));
            at += widths[i] + GAP;
        }
        return new BrokenAxis(segments);
    }

    /** Widths proportional to the weights, none below {@link #MIN_SEGMENT} while room allows. */
    private static double[] shares(double[] weights, double available) {
        double[] widths = new double[weights.length];
        boolean[] pinned = new boolean[weights.length];
        for (int round = 0; round <= weights.length; round++) {
            double free = available;
            double weight = 0;
            for (int i = 0; i < weights.length; i++) {
                if (pinned[i]) {
                    free -= MIN_SEGMENT;
                } else {
                    weight += weights[i];
                }
            }
            boolean changed = false;
            for (int i = 0; i < weights.length; i++) {
                widths[i] = pinned[i] ? MIN_SEGMENT : Math.max(0, free) * weights[i] / weight;
                if (!pinned[i] && widths[i] < MIN_SEGMENT) {
                    pinned[i] = true;
                    changed = true;
                }
            }
            if (!changed || weight == 0) {
                break;
            }
        }
        return widths;
    }

    List<Segment> segments() {
        return segments;
    }

    /** The segment holding {@code address}, else the nearest one. */
    Segment segmentOf(long address) {
        Segment best = segments.get(0);
        for (Segment segment : segments) {
            if (address >= segment.start()) {
                best = segment;
            }
        }
        return best;
    }

    double x(long address) {
        return segmentOf(address).xOf(address);
    }

    /** Where {@code [base, base + size)} is drawn: at least {@code minimum} pixels wide. */
    double[] span(long base, long size, double minimum) {
        Segment segment = segmentOf(base);
        double from = segment.xOf(base);
        double to = segment.xOf(base + size);
        double width = Math.max(minimum, to - from);
        return new double[] {Math.min(from, segment.x() + segment.width() - width), width};
    }

    double end() {
        Segment last = segments.get(segments.size() - 1);
        return last.x() + last.width();
    }
}
