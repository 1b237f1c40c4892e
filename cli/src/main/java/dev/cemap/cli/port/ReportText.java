package dev.cemap.cli.port;

import dev.cemap.analyzer.project.ExecutionContext;
import dev.cemap.cli.port.PortingReport.Placement;
import dev.cemap.cli.port.PortingReport.Site;
import dev.cemap.emulator.AreaKind;
import dev.cemap.emulator.CeVersion;
import dev.cemap.emulator.Hex;
import java.util.Optional;

/** Short phrases both renderings share, so the Markdown and the HTML page say the same things. */
final class ReportText {

    private ReportText() {
    }

    /** {@code CE 6}. */
    static String name(CeVersion version) {
        return "CE " + Integer.toHexString(version.wceVersion()).charAt(0);
    }

    /** {@code 0xD0000000 kernel VM}, or a dash when the emulator could not place it. */
    static String placement(Optional<Placement> placement) {
        return placement.map(p -> Hex.addr(p.address().orElse(p.reservationBase())) + " " + area(p.area())
                + (p.crossesSection() ? ", crosses a 32 MB section" : "")).orElse("–");
    }

    static String area(AreaKind area) {
        return switch (area) {
            case PROCESS_SLOT -> "process slot";
            case SHARED_AREA -> "shared area";
            case USER_SPACE -> "user space";
            case KERNEL_VM -> "kernel VM";
            case STATIC_CACHED -> "static, cached";
            case STATIC_UNCACHED -> "static, uncached";
            case KERNEL_OTHER -> "kernel";
            case UNMAPPED -> "unmapped";
        };
    }

    /** {@code user-mode driver}. */
    static String mode(ExecutionContext.Mode mode) {
        return switch (mode) {
            case KERNEL_DRIVER -> "kernel-mode driver";
            case USER_DRIVER -> "user-mode driver";
            case APPLICATION -> "application";
            case BARE_METAL -> "boot loader, OAL or KITL";
            case UNKNOWN -> "unknown";
        };
    }

    /** {@code 0x100} or a dash. */
    static String size(Site site) {
        return site.size().isPresent() ? Hex.of(site.size().getAsLong()) : "–";
    }

    /** The verdict on the target, in words. */
    static String verdict(Site site, CeVersion to) {
        return switch (site.verdict()) {
            case BREAKS -> "breaks on " + name(to);
            case ALREADY_WRONG -> "reported on both";
            case OK -> "fine";
        };
    }
}
