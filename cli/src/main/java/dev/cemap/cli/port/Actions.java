package dev.cemap.cli.port;

import dev.cemap.analyzer.project.Bsp;
import dev.cemap.analyzer.project.DriverKey;
import dev.cemap.analyzer.project.ExecutionContext;
import dev.cemap.analyzer.project.KernelRam;
import dev.cemap.analyzer.project.Module;
import dev.cemap.analyzer.project.ProjectModel;
import dev.cemap.analyzer.project.Window;
import dev.cemap.cli.port.PortingReport.Action;
import dev.cemap.cli.port.PortingReport.ActionKind;
import dev.cemap.cli.port.PortingReport.ModuleSection;
import dev.cemap.cli.port.PortingReport.Range;
import dev.cemap.cli.port.PortingReport.RegistryFix;
import dev.cemap.cli.port.PortingReport.Site;
import dev.cemap.emulator.Hex;
import dev.cemap.emulator.PhysicalMemoryMap;
import dev.cemap.rules.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The fixes the porting report proposes, computed from the replay: the registry windows a
 * user-mode driver needs, the ways out for an application (seed 004's options, best first),
 * config.bib reservations for buffers in kernel RAM, and the section splits CE 6 no longer needs.
 */
final class Actions {

    private static final Set<String> KERNEL_ONLY = Set.of("VirtualCopy", "MmMapIoSpace", "VirtualSetAttributes",
            "CreateStaticMapping");
    private static final String KERNEL_RAM_RULE = "physical-on-kernel-ram";

    private final ProjectModel project;
    private final List<SectionNotes.Note> sectionNotes;

    Actions(ProjectModel project, List<SectionNotes.Note> sectionNotes) {
        this.project = project;
        this.sectionNotes = List.copyOf(sectionNotes);
    }

    /** @param fixes the registry fixes of every user-mode driver key, from {@link #registryFixes} */
    List<Action> forModule(Optional<Module> module, List<ExecutionContext> contexts, List<Site> sites,
            List<Finding> otherFindings, List<RegistryFix> fixes) {
        List<Action> actions = new ArrayList<>();
        List<Site> kernelOnly = sites.stream().filter(s -> KERNEL_ONLY.contains(s.api())).toList();
        boolean application = contexts.stream().anyMatch(c -> c.mode() == ExecutionContext.Mode.APPLICATION);
        if (application && !kernelOnly.isEmpty()) {
            actions.addAll(applicationOptions(module, kernelOnly));
        }
        for (ExecutionContext context : contexts) {
            boolean outside = kernelOnly.stream().anyMatch(s -> s.newOnTarget().stream()
                    .anyMatch(f -> f.ruleId().equals("kernel-only-api")));
            if (context.mode() == ExecutionContext.Mode.USER_DRIVER && context.driver().isPresent() && outside) {
                fixes.stream().filter(fix -> fix.key().key().path().equals(context.driver().get().key().path()))
                        .findFirst().ifPresent(fix -> actions.add(new Action(
                        ActionKind.REGISTRY, "Grant the user-mode driver its windows",
                        "[" + fix.key().key().path() + "] loads " + fix.key().dll() + " in user mode; the reflector maps "
                                + "only inside IoBase/IoLen, and the code also maps " + join(fix.missing())
                                + ". Replace the key's IoBase/IoLen with:", Optional.of(fix.lines()))));
                if (kernelOnly.stream().anyMatch(s -> s.api().equals("CreateStaticMapping"))) {
                    actions.add(new Action(ActionKind.REVIEW, "Replace CreateStaticMapping",
                            "A static mapping is a kernel address a user-mode driver cannot use; map the range with "
                                    + "MmMapIoSpace inside the driver's windows instead.", Optional.empty()));
                }
            }
        }
        boolean unknownDll = module.map(m -> m.type() == Module.Type.DYNLINK).orElse(false)
                && contexts.stream().allMatch(c -> c.mode() == ExecutionContext.Mode.UNKNOWN);
        if (unknownDll && !kernelOnly.isEmpty()) {
            actions.add(unknownDllAction(module.get(), kernelOnly));
        }
        for (Site site : sites) {
            if (site.targetFindings().stream().anyMatch(f -> f.ruleId().equals(KERNEL_RAM_RULE))) {
                actions.add(kernelRamAction(site));
            }
        }
        for (SectionNotes.Note note : sectionNotes) {
            if (sites.stream().anyMatch(s -> s.location().equals(note.first()))) {
                actions.add(new Action(ActionKind.SECTIONS, note.split() ? "Section split no longer needed"
                        : "Section crossing refused by CE 5", note.message() + ".", Optional.empty()));
            }
        }
        if (otherFindings.stream().anyMatch(f -> f.ruleId().equals("wrong-constant"))) {
            actions.add(new Action(ActionKind.REVIEW, "Remove local definitions of SDK constants",
                    "The module defines memory constants with other values than CE's winnt.h; every call using them "
                            + "passes other flags than it says. Delete the definitions and include <windows.h>.",
                    Optional.empty()));
        }
        // Two calls needing the same advice get it once.
        return actions.stream().distinct().toList();
    }

    /** Seed 004's options for an application, in order of preference. */
    private List<Action> applicationOptions(Optional<Module> module, List<Site> sites) {
        String name = module.map(Module::name).orElse("mapper");
        List<Range> ranges = merge(rangesOf(sites));
        String windows = ranges.isEmpty() ? "    ; IoBase/IoLen: the physical ranges the code maps\n" : windowLines(ranges);
        List<Action> options = new ArrayList<>();
        options.add(new Action(ActionKind.REGISTRY, "Option 1: move the mapping code into a driver",
                "An application cannot map physical memory on CE 6 and later. Best: put the code that maps into a "
                        + "stream driver the application opens; as a user-mode driver it needs IoBase/IoLen for "
                        + "what it maps:",
                Optional.of("[HKEY_LOCAL_MACHINE\\Drivers\\BuiltIn\\" + name + "]\n"
                        + "    \"Dll\"=\"" + name + "_drv.dll\"\n"
                        + "    \"Prefix\"=\"" + prefix(name) + "\"\n"
                        + "    \"Flags\"=dword:10                      ; DEVFLAGS_LOAD_AS_USERPROC\n" + windows)));
        options.add(new Action(ActionKind.KERNEL_DLL, "Option 2: load the mapping code into the kernel",
                "Move the mapping code into a DLL with the K flag in platform.bib, load it with LoadKernelLibrary and "
                        + "call it with KernelLibIoControl:",
                Optional.of("; platform.bib, MODULES\n    " + name + "_k.dll    $(_FLATRELEASEDIR)\\" + name
                        + "_k.dll    NK    SHK\n\n// " + name + "\nHANDLE lib = LoadKernelLibrary(L\"" + name
                        + "_k.dll\");\nKernelLibIoControl(lib, IOCTL_" + name.toUpperCase(Locale.ROOT)
                        + "_MAP, &request, sizeof(request), &mapped, sizeof(mapped), NULL);")));
        options.add(new Action(ActionKind.IOCTL_DRIVER, "Option 3: ask a kernel-mode driver",
                "Write a small kernel-mode driver whose IOCTL_DO_VIRTUAL_COPY handler calls VirtualCopy into the "
                        + "caller's reservation, and call it from the application:",
                Optional.of("DeviceIoControl(hDriver, IOCTL_DO_VIRTUAL_COPY, &request, sizeof(request), NULL, 0, NULL, "
                        + "NULL);")));
        return options;
    }

    private Action unknownDllAction(Module module, List<Site> sites) {
        List<Range> ranges = merge(rangesOf(sites));
        return new Action(ActionKind.REVIEW, "Say how " + module.fileName() + " is loaded",
                "No registry key loads " + module.fileName() + " and platform.bib gives it no K flag, so cemap cannot tell "
                        + "whether its mapping calls work on the target. As a kernel-mode DLL give it the K flag; as a "
                        + "user-mode driver its key needs these windows:",
                Optional.of("    " + module.fileName() + "    $(_FLATRELEASEDIR)\\" + module.fileName()
                        + "    NK    SHK    ; platform.bib: kernel mode\n"
                        + (ranges.isEmpty() ? "" : windowLines(ranges).stripTrailing() + "    ; registry: user mode")));
    }

    /** A RESERVED entry for a buffer the code maps inside the kernel's RAM. */
    private Action kernelRamAction(Site site) {
        Optional<Bsp> bsp = project.bspOf(site.location().file());
        if (site.physical().isEmpty() || site.size().isEmpty() || bsp.isEmpty()) {
            return new Action(ActionKind.KERNEL_RAM, "Do not map kernel memory physically",
                    "The buffer comes from AllocPhysMem or HalAllocateCommonBuffer: use the virtual address the "
                            + "allocator returns, or VirtualCopy from it without PAGE_PHYSICAL.", Optional.empty());
        }
        long pa = site.physical().getAsLong();
        long size = site.size().getAsLong();
        KernelRam ram = bsp.get().kernelRam();
        String owner = ram.overlapping(pa, size).map(PhysicalMemoryMap.Range::origin).orElse("kernel RAM");
        OptionalLong va = bsp.get().addressTable().toVirtual(pa);
        if (inImage(ram, pa) && va.isPresent()) {
            return new Action(ActionKind.KERNEL_RAM, "Read the image through the kernel's static mapping",
                    "Physical " + site.physicalText() + " is part of the image (" + owner + "), which the kernel maps "
                            + "statically: kernel-mode code reads it at " + Hex.addr(va.getAsLong()) + " (cached) or "
                            + Hex.addr(va.getAsLong() + 0x20000000L) + " (uncached) without mapping it again.",
                    Optional.empty());
        }
        String entry = va.isPresent()
                ? String.format("    RSVD%-4d  %08X  %08X  RESERVED    ; physical %s, mapped at line %d", site.number(),
                        va.getAsLong(), size, Hex.addr(pa), site.location().line())
                : "    ; no OEMAddressTable row maps physical " + Hex.addr(pa);
        return new Action(ActionKind.KERNEL_RAM, "Take the buffer out of the kernel's RAM",
                "Physical " + site.physicalText() + " belongs to " + owner + ". Shrink or split that entry so it no "
                        + "longer covers the buffer, and reserve it in config.bib's MEMORY section:",
                Optional.of(entry));
    }

    /** Whether {@code pa} lies in a RAMIMAGE entry: the image the kernel booted from. */
    private static boolean inImage(KernelRam ram, long pa) {
        return ram.placements().stream()
                .filter(p -> p.entry().type() == dev.cemap.analyzer.project.BibFile.MemoryType.RAMIMAGE)
                .flatMap(p -> p.physical().stream())
                .anyMatch(piece -> pa >= piece.base() && pa < piece.base() + piece.size());
    }

    /** The fixes of every user-mode driver key whose code maps outside its windows. */
    List<RegistryFix> registryFixes(List<ModuleSection> modules) {
        Map<String, DriverKey> keys = new LinkedHashMap<>();
        Map<String, List<Site>> sitesByKey = new LinkedHashMap<>();
        for (ModuleSection module : modules) {
            for (ExecutionContext context : module.contexts()) {
                if (context.mode() == ExecutionContext.Mode.USER_DRIVER && context.driver().isPresent()) {
                    String path = context.driver().get().key().path();
                    keys.putIfAbsent(path, context.driver().get());
                    sitesByKey.computeIfAbsent(path, p -> new ArrayList<>()).addAll(module.sites());
                }
            }
        }
        List<RegistryFix> fixes = new ArrayList<>();
        keys.forEach((path, key) -> registryFix(key, sitesByKey.get(path)).ifPresent(fixes::add));
        return fixes;
    }

    /** The key's IoBase/IoLen plus every range its code maps outside them; empty when nothing is outside. */
    private Optional<RegistryFix> registryFix(DriverKey key, List<Site> sites) {
        List<Range> missing = merge(rangesOf(sites).stream().filter(range -> key.windows().stream()
                .noneMatch(w -> w.contains(range.base(), range.size()))).toList());
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        List<Range> io = new ArrayList<>();
        for (Window window : key.windows()) {
            if (window.kind().equals("IoBase") && io.stream().noneMatch(r -> r.base() == window.base()
                    && r.size() == window.length())) {
                io.add(new Range(window.base(), window.length()));
            }
        }
        io.addAll(missing);
        return Optional.of(new RegistryFix(key, missing, "[" + key.key().path() + "]\n" + windowLines(io)));
    }

    /** The physical ranges of the sites that map known physical memory. */
    private static List<Range> rangesOf(List<Site> sites) {
        List<Range> ranges = new ArrayList<>();
        for (Site site : sites) {
            if (site.physical().isPresent() && site.size().isPresent() && site.size().getAsLong() > 0
                    && (site.api().equals("VirtualCopy") || site.api().equals("MmMapIoSpace"))) {
                ranges.add(new Range(site.physical().getAsLong(), site.size().getAsLong()));
            }
        }
        return ranges;
    }

    /** Overlapping and adjacent ranges become one; the result is sorted. */
    static List<Range> merge(List<Range> ranges) {
        List<Range> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingLong(Range::base));
        List<Range> merged = new ArrayList<>();
        for (Range range : sorted) {
            Range last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && range.base() <= last.end()) {
                merged.set(merged.size() - 1, new Range(last.base(), Math.max(last.end(), range.end()) - last.base()));
            } else {
                merged.add(range);
            }
        }
        return merged;
    }

    /** {@code "IoBase"=dword:…} for one window, {@code multi_sz:"…","…"} for several. */
    static String windowLines(List<Range> ranges) {
        if (ranges.size() == 1) {
            return "    \"IoBase\"=dword:" + hex(ranges.get(0).base()) + "\n    \"IoLen\"=dword:" + hex(ranges.get(0).size())
                    + "\n";
        }
        StringBuilder bases = new StringBuilder("    \"IoBase\"=multi_sz:");
        StringBuilder lengths = new StringBuilder("    \"IoLen\"=multi_sz:");
        for (int i = 0; i < ranges.size(); i++) {
            bases.append(i == 0 ? "" : ",").append('"').append(hex(ranges.get(i).base())).append('"');
            lengths.append(i == 0 ? "" : ",").append('"').append(hex(ranges.get(i).size())).append('"');
        }
        return bases + "\n" + lengths + "\n";
    }

    private static String hex(long value) {
        return Long.toHexString(value).toUpperCase(Locale.ROOT);
    }

    private static String join(List<Range> ranges) {
        return String.join(", ", ranges.stream().map(Range::toString).toList());
    }

    /** A stream prefix from a module name: three upper-case letters ({@code ledctl} → {@code LED}). */
    private static String prefix(String name) {
        String letters = name.replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT);
        return (letters + "XXX").substring(0, 3);
    }
}
