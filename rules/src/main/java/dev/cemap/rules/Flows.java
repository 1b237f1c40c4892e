package dev.cemap.rules;

import dev.cemap.analyzer.replay.RegionOrigin;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.analyzer.replay.TraceStep;
import dev.cemap.emulator.Ce;
import dev.cemap.emulator.Hex;
import dev.cemap.emulator.PageTableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The replay steps that prove a finding, as SARIF code-flow locations with the emulated state. */
public final class Flows {

    private Flows() {
    }

    /** The reservation step (when known), then the copy with what the emulator did with it. */
    public static List<TraceStep> ofCopy(ReplayEvent.Copy copy) {
        List<TraceStep> steps = new ArrayList<>();
        copy.destRegion().ifPresent(region -> steps.add(ofRegion(region)));
        steps.add(new TraceStep(copy.site().location(), describeCopy(copy)));
        return steps;
    }

    public static List<TraceStep> ofMap(ReplayEvent.MapIoSpace map) {
        return List.of(new TraceStep(map.site().location(), describeMap(map)));
    }

    public static List<TraceStep> ofFree(ReplayEvent.Free free) {
        List<TraceStep> steps = new ArrayList<>();
        free.region().ifPresent(region -> steps.add(ofRegion(region)));
        steps.add(new TraceStep(free.site().location(), "VirtualFree(" + free.site().argument(0) + ", "
                + free.site().argument(1) + ", " + free.site().argument(2) + ")"
                + free.outcome().flatMap(o -> o.failure()).map(f -> ": the kernel refuses: " + f).orElse("")));
        return steps;
    }

    public static TraceStep ofRegion(RegionOrigin region) {
        return new TraceStep(region.site().location(), region.describe());
    }

    private static String describeCopy(ReplayEvent.Copy copy) {
        StringBuilder text = new StringBuilder("VirtualCopy");
        copy.destAddress().ifPresent(dest -> text.append(" to ").append(Hex.addr(dest)));
        copy.size().number().ifPresent(size -> text.append(", ").append(Hex.of(size)).append(" bytes"));
        Optional<String> pages = copy.outcome().filter(o -> o.success())
                .flatMap(o -> o.mappedPages().stream().findFirst().map(Flows::describeEntry));
        if (pages.isPresent()) {
            text.append(": maps ").append(pages.get());
            long count = copy.destAddress().isPresent() && copy.size().isKnown()
                    ? Ce.pagesSpanned(copy.destAddress().getAsLong(), copy.size().longValue())
                    : copy.outcome().get().mappedPages().size();
            if (count > 1) {
                text.append(" and ").append(count - 1).append(" more page").append(count > 2 ? "s" : "");
            }
        } else {
            copy.outcome().filter(o -> !o.success()).ifPresent(o -> text.append(": the kernel refuses: ")
                    .append(String.join("; ", o.reasons())));
        }
        return text.toString();
    }

    private static String describeMap(ReplayEvent.MapIoSpace map) {
        StringBuilder text = new StringBuilder("MmMapIoSpace(" + map.site().argument(0) + ", " + map.site().argument(1)
                + ", " + map.site().argument(2) + ")");
        map.outcome().ifPresent(outcome -> {
            outcome.reservation().ifPresent(reservation -> text.append(": reserves ")
                    .append(Hex.addr(reservation.base())).append("–")
                    .append(Hex.addr(reservation.base() + reservation.size() - 1)));
            outcome.copy().mappedPages().stream().findFirst()
                    .ifPresent(entry -> text.append(", maps ").append(describeEntry(entry)));
        });
        return text.toString();
    }

    private static String describeEntry(PageTableEntry entry) {
        return "page " + Hex.addr(entry.virtualPage()) + entry.physicalPage().stream()
                .mapToObj(pa -> " → physical " + Hex.addr(pa)).findFirst().orElse("");
    }
}
