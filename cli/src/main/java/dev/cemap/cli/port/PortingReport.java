package dev.cemap.cli.port;

import dev.cemap.analyzer.model.Notification;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.analyzer.project.Bsp;
import dev.cemap.analyzer.project.DriverKey;
import dev.cemap.analyzer.project.ExecutionContext;
import dev.cemap.analyzer.project.Module;
import dev.cemap.emulator.AreaKind;
import dev.cemap.emulator.CeVersion;
import dev.cemap.rules.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Everything the porting report shows, gathered once and rendered as Markdown and HTML: the
 * modules with their execution context on the target, every mapping site with its emulated
 * addresses on both versions, what changes between them, and the fixes.
 *
 * @param root            the scanned folder; every path in the report is relative to it
 * @param from            the version the code runs on today
 * @param to              the version it is ported to
 * @param bsps            the BSP folders found (registry, bib files, address table, kernel RAM)
 * @param modules         one section per module that has mapping sites or findings, in path order
 * @param registryFixes   the IoBase/IoLen lines each user-mode driver key needs on the target
 * @param filesAnalysed   C/C++ files analysed
 * @param notifications   problems met in build files and sources
 */
public record PortingReport(Path root, CeVersion from, CeVersion to, List<Bsp> bsps, List<ModuleSection> modules,
        List<RegistryFix> registryFixes, int filesAnalysed, List<Notification> notifications) {

    public PortingReport {
        bsps = List.copyOf(bsps);
        modules = List.copyOf(modules);
        registryFixes = List.copyOf(registryFixes);
        notifications = List.copyOf(notifications);
    }

    /** Every site of every module, in number order. */
    public List<Site> sites() {
        return modules.stream().flatMap(m -> m.sites().stream()).toList();
    }

    /** Sites that work on the source version and fail on the target. */
    public long breakingSites() {
        return sites().stream().filter(s -> s.verdict() == Verdict.BREAKS).count();
    }

    /** {@code src/drivers/keypad/keypad.c} for a path under the root. */
    public String relative(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return (absolute.startsWith(root) ? root.relativize(absolute) : absolute).toString().replace('\\', '/');
    }

    /** {@code src/drivers/keypad/keypad.c:56}. */
    public String where(SourceLocation location) {
        return relative(location.file()) + ":" + location.line();
    }

    /**
     * One module's part of the report.
     *
     * @param module            the module; empty for files no {@code sources} file builds
     * @param title             {@code cobalt_keypad.dll}, or the folder for files without a module
     * @param contexts          how it runs on the target
     * @param excludedFromBuild a {@code dirs} file leaves its folder out
     * @param sites             its mapping calls
     * @param otherFindings     findings on the target that are not at a mapping call (a wrong {@code #define})
     * @param actions           what to change, in the order to do it
     */
    public record ModuleSection(Optional<Module> module, String title, List<ExecutionContext> contexts,
            boolean excludedFromBuild, List<Site> sites, List<Finding> otherFindings, List<Action> actions) {

        public ModuleSection {
            contexts = List.copyOf(contexts);
            sites = List.copyOf(sites);
            otherFindings = List.copyOf(otherFindings);
            actions = List.copyOf(actions);
        }

        /** The HTML anchor: {@code module-cobalt_keypad-dll}. */
        public String anchor() {
            return "module-" + title.replaceAll("[^A-Za-z0-9_]+", "-");
        }
    }

    /**
     * A mapping call and what each version makes of it.
     *
     * @param number        1-based, across the report
     * @param location      the call
     * @param function      the function it is in
     * @param api           VirtualCopy, MmMapIoSpace, VirtualSetAttributes, CreateStaticMapping
     * @param callText      the call as written, arguments abbreviated
     * @param physical      the physical base, when known
     * @param size          the size in bytes, when known
     * @param onSource      the emulated placement on the source version
     * @param onTarget      the emulated placement on the target version
     * @param sourceFindings findings at this call on the source version
     * @param targetFindings findings at this call on the target version
     */
    public record Site(int number, SourceLocation location, String function, String api, String callText,
            OptionalLong physical, OptionalLong size, Optional<Placement> onSource, Optional<Placement> onTarget,
            List<Finding> sourceFindings, List<Finding> targetFindings) {

        public Site {
            sourceFindings = List.copyOf(sourceFindings);
            targetFindings = List.copyOf(targetFindings);
        }

        /** Rules that report on the target and not on the source: what porting breaks. */
        public List<Finding> newOnTarget() {
            return targetFindings.stream().filter(t -> sourceFindings.stream()
                    .noneMatch(s -> s.ruleId().equals(t.ruleId()) && s.level() == t.level())).toList();
        }

        /** Rules that report on both versions: wrong today already. */
        public List<Finding> onBoth() {
            return targetFindings.stream().filter(t -> sourceFindings.stream()
                    .anyMatch(s -> s.ruleId().equals(t.ruleId()))).toList();
        }

        /** Rules that report only on the source version: porting fixes them. */
        public List<Finding> fixedByPorting() {
            return sourceFindings.stream().filter(s -> targetFindings.stream()
                    .noneMatch(t -> t.ruleId().equals(s.ruleId()) && t.level() == s.level())).toList();
        }

        public Verdict verdict() {
            if (newOnTarget().stream().anyMatch(f -> f.level() == dev.cemap.analyzer.model.Level.ERROR)) {
                return Verdict.BREAKS;
            }
            if (!targetFindings.isEmpty()) {
                return Verdict.ALREADY_WRONG;
            }
            return Verdict.OK;
        }

        /** The physical range as text, or "unknown". */
        public String physicalText() {
            if (physical.isEmpty()) {
                return "unknown";
            }
            long end = physical.getAsLong() + (size.isPresent() && size.getAsLong() > 0 ? size.getAsLong() - 1 : 0);
            return dev.cemap.emulator.Hex.addr(physical.getAsLong()) + "–" + dev.cemap.emulator.Hex.addr(end);
        }
    }

    /** How a site fares on the target. */
    public enum Verdict {
        /** Works on the source version, fails on the target. */
        BREAKS,
        /** Reported on the target too, but not because of the port (or only warnings). */
        ALREADY_WRONG,
        /** Nothing to report. */
        OK
    }

    /**
     * Where the emulator placed the virtual side of a mapping.
     *
     * @param reservationBase the reservation (VirtualAlloc, or MmMapIoSpace's own)
     * @param reservationSize its size
     * @param address         the mapped address inside it, when known
     * @param area            the part of the address space
     * @param crossesSection  the emulated kernel refused it at a 32 MB section boundary
     */
    public record Placement(long reservationBase, long reservationSize, OptionalLong address, AreaKind area,
            boolean crossesSection) {
    }

    /** One thing to change, with the exact text to paste when there is one. */
    public record Action(ActionKind kind, String title, String explanation, Optional<String> snippet) {
    }

    /** What kind of change an action is; the HTML colours them apart. */
    public enum ActionKind {
        REGISTRY, KERNEL_DLL, IOCTL_DRIVER, KERNEL_RAM, SECTIONS, REVIEW
    }

    /**
     * The windows a user-mode driver key needs on the target: what it has plus every physical range
     * the replay saw its code map outside them.
     *
     * @param key       the driver key
     * @param missing   ranges mapped outside the current windows, merged
     * @param lines     the replacement {@code IoBase}/{@code IoLen} lines
     */
    public record RegistryFix(DriverKey key, List<Range> missing, String lines) {

        public RegistryFix {
            missing = List.copyOf(missing);
        }
    }

    /** A physical range {@code [base, base + size)}. */
    public record Range(long base, long size) {

        public long end() {
            return base + size;
        }

        @Override
        public String toString() {
            return dev.cemap.emulator.Hex.addr(base) + "–" + dev.cemap.emulator.Hex.addr(base + size - 1);
        }
    }
}
