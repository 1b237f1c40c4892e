package dev.cemap.rules.checks;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.replay.RegionOrigin;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.analyzer.replay.ResourceKind;
import dev.cemap.emulator.Ce;
import dev.cemap.emulator.Hex;
import dev.cemap.rules.Flows;
import dev.cemap.rules.Rule;
import dev.cemap.analyzer.check.CheckerContext;
import dev.cemap.rules.RuleInfo;

@RuleInfo(
        id = "release-with-size",
        level = Level.ERROR,
        summary = "VirtualFree with MEM_RELEASE and a non-zero size fails and leaks the reservation",
        description = "VirtualFree(p, size, MEM_RELEASE) requires size 0: the kernel releases the whole reservation "
                + "and rejects any other size. The call fails, the reservation and its mappings stay, and a driver "
                + "that is loaded and unloaded repeatedly runs out of virtual address space.",
        help = """
                `VirtualFree(p, 0, MEM_RELEASE)` releases the reservation that starts at `p`, with all its
                mappings. With any other size the kernel returns FALSE (ERROR_INVALID_PARAMETER) and
                releases nothing: the reservation leaks. Drivers rarely check the result of VirtualFree, so
                the leak is silent until address space runs out after many load/unload cycles.

                ```c
                /* wrong */ VirtualFree(pDevice->pRegs, sizeof(GPIO_REGS), MEM_RELEASE);
                /* right */ VirtualFree(pDevice->pRegs, 0, MEM_RELEASE);
                ```
                Use `MEM_DECOMMIT` with a size to unmap part of a reservation.
                """,
        tags = {"correctness", "wince", "resource-leak"},
        precision = "very-high")
public final class ReleaseWithSize implements Rule {

    @Override
    public void onCall(ReplayEvent event, CheckerContext context) {
        if (!(event instanceof ReplayEvent.Free free)) {
            return;
        }
        if (!free.freeType().isKnown() || (free.freeType().longValue() & Ce.MEM_RELEASE) == 0) {
            return;
        }
        String sizeText = free.site().argument(1);
        if (free.size().isKnown()) {
            if (free.size().longValue() != 0) {
                report(context, free.site(), "VirtualFree(" + free.site().argument(0) + ", " + sizeText + " = "
                        + Hex.of(free.size().longValue()) + ", MEM_RELEASE) fails: MEM_RELEASE needs size 0, so the "
                        + "reservation and its mappings leak; pass 0", Flows.ofFree(free));
            }
            return;
        }
        free.region().filter(region -> sizedTheReservation(sizeText, region)).ifPresent(region -> report(context,
                free.site(), "VirtualFree(" + free.site().argument(0) + ", " + sizeText + ", MEM_RELEASE) fails: "
                        + sizeText + " is the size the reservation was made with at line "
                        + region.site().location().line() + ", so it is not 0, and MEM_RELEASE needs size 0; the "
                        + "reservation and its mappings leak; pass 0", Flows.ofFree(free)));
    }

    /**
     * True when the size given to VirtualFree is written exactly as the size of the VirtualAlloc
     * that made the reservation: that VirtualAlloc succeeded, so the size was not 0 (the kernel
     * rejects a reservation of 0 bytes). Only plain names and fields are compared; an expression
     * with a call, a cast or an assignment may have another value at the release.
     */
    private static boolean sizedTheReservation(String sizeText, RegionOrigin region) {
        if (region.kind() != ResourceKind.RESERVATION || !region.site().callee().equals("VirtualAlloc")) {
            return false;
        }
        String released = withoutSpaces(sizeText);
        return !released.isEmpty() && released.replace("->", ".").chars().allMatch(ReleaseWithSize::isNamePart)
                && released.equals(withoutSpaces(region.site().argument(1)));
    }

    /** Letters, digits, '_' and the '.' between a structure and its field. */
    private static boolean isNamePart(int c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }

    private static String withoutSpaces(String text) {
        return text.replaceAll("\\s+", "");
    }
}
