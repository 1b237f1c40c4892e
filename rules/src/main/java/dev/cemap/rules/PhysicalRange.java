package dev.cemap.rules;

import dev.cemap.analyzer.replay.CallSite;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.emulator.Hex;
import java.util.Optional;

/**
 * The physical memory a mapping call asks for, when the replay knows it: a PAGE_PHYSICAL
 * VirtualCopy ({@code source << 8}, {@code size}) or an MmMapIoSpace ({@code physical},
 * {@code size}). Rules about which physical memory may be mapped, and the porting report, ask this.
 *
 * @param api   the call's name
 * @param base  the first physical byte
 * @param size  the number of bytes
 * @param site  the call
 */
public record PhysicalRange(String api, long base, long size, CallSite site) {

    /** The range of a mapping event; empty for other events and for unknown or implausible values. */
    public static Optional<PhysicalRange> of(ReplayEvent event) {
        if (event instanceof ReplayEvent.Copy copy) {
            if (!Values.isPhysicalCopy(copy.protect()) || !copy.source().isKnown() || !copy.size().isKnown()
                    || PhysicalSource.classify(copy.source()) != PhysicalSource.PLAUSIBLE || copy.size().longValue() <= 0) {
                return Optional.empty();
            }
            return Optional.of(new PhysicalRange("VirtualCopy", Values.physicalOf(copy.source()), copy.size().longValue(),
                    copy.site()));
        }
        if (event instanceof ReplayEvent.MapIoSpace map) {
            if (!map.physical().isKnown() || !map.size().isKnown() || map.size().longValue() <= 0) {
                return Optional.empty();
            }
            return Optional.of(new PhysicalRange("MmMapIoSpace", map.physical().longValue(), map.size().longValue(),
                    map.site()));
        }
        return Optional.empty();
    }

    public long endExclusive() {
        return base + size;
    }

    /** {@code 0x7E00F000–0x7E00F0FF}. */
    public String describe() {
        return Hex.addr(base) + "–" + Hex.addr(endExclusive() - 1);
    }
}
