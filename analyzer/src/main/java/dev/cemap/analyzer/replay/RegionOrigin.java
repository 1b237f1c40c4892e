package dev.cemap.analyzer.replay;

import dev.cemap.emulator.AllocationType;
import dev.cemap.emulator.AreaKind;
import dev.cemap.emulator.Hex;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A resource the replay created (a VirtualAlloc reservation, an MmMapIoSpace mapping, an
 * AllocPhysMem or HalAllocateCommonBuffer buffer), as it stood when an event used it.
 *
 * @param regionId        identity within the function's replay
 * @param site            the call that created it
 * @param size            the requested size, when known
 * @param allocationType  the VirtualAlloc MEM_* flags, when known (MmMapIoSpace: MEM_RESERVE)
 * @param emulated        where the emulator placed it, when the size was known
 * @param kind            which call made it, hence which call releases it
 */
public record RegionOrigin(int regionId, CallSite site, OptionalLong size, OptionalLong allocationType,
        Optional<EmulatedPlacement> emulated, ResourceKind kind) {

    /**
     * One line for flows and traces: the call, the size, the MEM_* flags and where the emulator
     * put it, e.g. {@code VirtualAlloc 0x1000 bytes, MEM_RESERVE: emulated at 0xD0000000–0xD0000FFF
     * (kernel vm, placed by the kernel)}.
     */
    public String describe() {
        StringBuilder text = new StringBuilder(site.callee()).append(' ');
        String sizeText = site.argument(kind == ResourceKind.PHYSICAL_MEMORY ? 0 : 1);
        text.append(size.isPresent() ? Hex.of(size.getAsLong()) + " bytes" : "of " + sizeText + " bytes");
        if (kind.isCommittedMemory()) {
            return text.append(": committed whole pages of kernel RAM").toString();
        }
        allocationType.ifPresent(type -> text.append(", ").append(AllocationType.describe((int) type)));
        emulated.ifPresent(placement -> text.append(": emulated at ").append(Hex.addr(placement.base()))
                .append('–').append(Hex.addr(placement.base() + placement.size() - 1))
                .append(" (").append(placement.describeArea()).append(')'));
        return text.toString();
    }

    /**
     * The emulator's placement of a reservation.
     *
     * @param base            emulated base address (64 KB aligned)
     * @param size            reserved bytes (whole pages)
     * @param area            which part of the address space it came from
     * @param placementFixed  true when the code chose the address; false when the kernel would
     */
    public record EmulatedPlacement(long base, long size, AreaKind area, boolean placementFixed) {

        String describeArea() {
            String name = area.name().toLowerCase(Locale.ROOT).replace('_', ' ');
            return placementFixed ? name + ", at the address the code chose" : name + ", placed by the kernel";
        }
    }
}
