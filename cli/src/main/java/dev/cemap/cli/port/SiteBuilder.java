package dev.cemap.cli.port;

import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.analyzer.replay.CallSite;
import dev.cemap.analyzer.replay.RegionOrigin;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.cli.port.PortingReport.Placement;
import dev.cemap.cli.port.PortingReport.Site;
import dev.cemap.emulator.CopyFailure;
import dev.cemap.rules.Finding;
import dev.cemap.rules.PhysicalRange;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Turns the replay events of one mapping call (one per version) into a report {@link Site}. */
final class SiteBuilder {

    private static final int MAX_ARGUMENT_CHARS = 40;

    private SiteBuilder() {
    }

    /** The calls the report lists: the ones that map physical memory or change a mapping. */
    static boolean isMappingCall(ReplayEvent event) {
        return event instanceof ReplayEvent.Copy || event instanceof ReplayEvent.MapIoSpace
                || event instanceof ReplayEvent.SetAttributes
                || event instanceof ReplayEvent.Call call && call.api().is("CreateStaticMapping");
    }

    static Site site(int number, SourceLocation location, Optional<ReplayEvent> onSource, Optional<ReplayEvent> onTarget,
            List<Finding> sourceFindings, List<Finding> targetFindings) {
        ReplayEvent any = onTarget.or(() -> onSource).orElseThrow();
        CallSite call = any.site();
        Optional<PhysicalRange> range = onTarget.flatMap(PhysicalRange::of).or(() -> onSource.flatMap(PhysicalRange::of));
        return new Site(number, location, call.function(), call.callee(), callText(call),
                range.map(r -> OptionalLong.of(r.base())).orElse(OptionalLong.empty()),
                range.map(r -> OptionalLong.of(r.size())).orElse(sizeOf(any)),
                onSource.flatMap(SiteBuilder::placement), onTarget.flatMap(SiteBuilder::placement),
                sourceFindings, targetFindings);
    }

    private static OptionalLong sizeOf(ReplayEvent event) {
        if (event instanceof ReplayEvent.Copy copy) {
            return copy.size().number();
        }
        if (event instanceof ReplayEvent.MapIoSpace map) {
            return map.size().number();
        }
        if (event instanceof ReplayEvent.SetAttributes attributes) {
            return attributes.size().number();
        }
        return OptionalLong.empty();
    }

    /** Where the emulator put the virtual side: the reservation and the address inside it. */
    static Optional<Placement> placement(ReplayEvent event) {
        if (event instanceof ReplayEvent.Copy copy) {
            boolean crosses = copy.outcome().map(o -> o.has(CopyFailure.CROSSES_SECTION)).orElse(false);
            return copy.destRegion().flatMap(RegionOrigin::emulated).map(p -> new Placement(p.base(), p.size(),
                    copy.destAddress(), p.area(), crosses));
        }
        if (event instanceof ReplayEvent.MapIoSpace map) {
            return map.outcome().flatMap(outcome -> outcome.reservation().map(r -> new Placement(r.base(), r.size(),
                    outcome.address() != 0 ? OptionalLong.of(outcome.address()) : OptionalLong.empty(), r.area(),
                    outcome.copy().has(CopyFailure.CROSSES_SECTION))));
        }
        if (event instanceof ReplayEvent.SetAttributes attributes) {
            return attributes.region().flatMap(RegionOrigin::emulated).map(p -> new Placement(p.base(), p.size(),
                    OptionalLong.empty(), p.area(), false));
        }
        return Optional.empty();
    }

    /** {@code VirtualCopy(pv, (PVOID)(COBALT_PA_WDT >> 8), COBALT_SZ_WDT, …)}. */
    static String callText(CallSite call) {
        StringBuilder text = new StringBuilder(call.callee()).append('(');
        for (int i = 0; i < call.argumentTexts().size(); i++) {
            String argument = call.argumentTexts().get(i).replaceAll("\\s+", " ");
            if (argument.length() > MAX_ARGUMENT_CHARS) {
                argument = argument.substring(0, MAX_ARGUMENT_CHARS - 1) + "…";
            }
            text.append(i == 0 ? "" : ", ").append(argument);
        }
        return text.append(')').toString();
    }
}
