package dev.cemap.rules.checks;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.project.ExecutionContext;
import dev.cemap.analyzer.project.Window;
import dev.cemap.analyzer.replay.CallSite;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.emulator.CeVersion;
import dev.cemap.analyzer.replay.TraceStep;
import dev.cemap.rules.Flows;
import dev.cemap.rules.PhysicalRange;
import dev.cemap.rules.Rule;
import dev.cemap.analyzer.check.CheckerContext;
import dev.cemap.rules.DriverContexts;
import dev.cemap.rules.RuleInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

@RuleInfo(
        id = "kernel-only-api",
        level = Level.ERROR,
        summary = "Kernel-mode-only mapping API called from user mode on CE 6 and later",
        description = "From CE 6 on, VirtualCopy, MmMapIoSpace, VirtualSetAttributes and CreateStaticMapping work in "
                + "kernel mode only. An application (TARGETTYPE=PROGRAM) cannot map physical memory at all; a "
                + "user-mode driver (registry Flags with DEVFLAGS_LOAD_AS_USERPROC, 0x10) gets VirtualCopy and "
                + "MmMapIoSpace through the reflector only for physical ranges inside its IoBase/IoLen and "
                + "MemBase/MemLen registry windows. The execution context comes from the BSP: sources files, "
                + "the registry (.reg) and platform.bib. Code whose context is unknown, and CE 5 targets, are not "
                + "reported.",
        help = """
                On CE 6 and CE 7 the mapping APIs are kernel-mode only. The call fails in:

                * an **application** (`TARGETTYPE=PROGRAM`): options, in order of preference: make the
                  mapping code a driver (a user-mode driver with `IoBase`/`IoLen` for the ranges it maps),
                  move it into a DLL loaded with `LoadKernelLibrary` (flag `K` in platform.bib), or call a
                  small kernel-mode driver that implements `IOCTL_DO_VIRTUAL_COPY`;
                * a **user-mode driver** (`"Flags"=dword:10`) mapping outside its registry windows: the
                  reflector maps only what `IoBase`/`IoLen` (or `MemBase`/`MemLen`) grant. Add the range:

                ```
                [HKEY_LOCAL_MACHINE\\Drivers\\BuiltIn\\Keypad]
                    "Dll"="keypad.dll"
                    "Flags"=dword:10
                    "IoBase"=multi_sz:"7E00A000","7E00F000"
                    "IoLen"=multi_sz:"20","1000"
                ```
                A library linked into several modules is checked in each of them. CreateStaticMapping
                returns a kernel address, which user-mode code cannot use even inside its windows.
                """,
        tags = {"correctness", "wince", "memory-mapping", "porting", "ce6"},
        precision = "high")
public final class KernelOnlyApi implements Rule {

    @Override
    public void onCall(ReplayEvent event, CheckerContext context) {
        if (context.target() == CeVersion.CE5) {
            return; // CE 5 lets every process call the mapping APIs
        }
        Optional<String> api = kernelOnlyApi(event);
        if (api.isEmpty()) {
            return;
        }
        List<ExecutionContext> userContexts = DriverContexts.of(context).stream()
                .filter(c -> c.mode() == ExecutionContext.Mode.APPLICATION || c.mode() == ExecutionContext.Mode.USER_DRIVER)
                .toList();
        List<String> reasons = new ArrayList<>();
        List<TraceStep> contextSteps = new ArrayList<>();
        for (ExecutionContext execution : userContexts) {
            refusal(execution, api.get(), event).ifPresent(reason -> {
                reasons.add(reason);
                execution.driver().ifPresent(key -> contextSteps.add(new TraceStep(key.location(),
                        "[" + key.key().path() + "] loads " + key.dll() + " as a user-mode driver; windows: "
                                + describe(execution.windows()))));
            });
        }
        if (reasons.isEmpty()) {
            return;
        }
        List<TraceStep> flow = new ArrayList<>(contextSteps);
        flow.addAll(flowOf(event));
        report(context, event.site(), api.get() + " is kernel-mode only on CE 6 and later: "
                + String.join("; ", reasons), flow);
    }

    /** The kernel-only API an event calls, if it is one. */
    private static Optional<String> kernelOnlyApi(ReplayEvent event) {
        if (event instanceof ReplayEvent.Copy) {
            return Optional.of("VirtualCopy");
        }
        if (event instanceof ReplayEvent.MapIoSpace) {
            return Optional.of("MmMapIoSpace");
        }
        if (event instanceof ReplayEvent.SetAttributes) {
            return Optional.of("VirtualSetAttributes");
        }
        if (event instanceof ReplayEvent.Call call && call.api().is("CreateStaticMapping")) {
            return Optional.of("CreateStaticMapping");
        }
        return Optional.empty();
    }

    /** Why the call fails in this context; empty when the reflector would serve it or it cannot be known. */
    private static Optional<String> refusal(ExecutionContext execution, String api, ReplayEvent event) {
        String who = execution.module().orElse("the module");
        if (execution.mode() == ExecutionContext.Mode.APPLICATION) {
            return Optional.of(who + " is an application (" + execution.reason() + "), which cannot map physical "
                    + "memory; make the mapping code a driver, load it with LoadKernelLibrary, or ask a kernel-mode "
                    + "driver through an IOCTL");
        }
        if (api.equals("CreateStaticMapping")) {
            return Optional.of(who + " runs as a user-mode driver, and a static mapping is a kernel address it cannot use");
        }
        Optional<PhysicalRange> range = PhysicalRange.of(event);
        if (range.isEmpty() || execution.windowsContain(range.get().base(), range.get().size())) {
            return Optional.empty(); // VirtualSetAttributes, virtual copies, unknown ranges: not judged
        }
        return Optional.of(who + " runs as a user-mode driver (" + execution.reason() + ") and physical "
                + range.get().describe() + " is outside its IoBase/IoLen and MemBase/MemLen windows ("
                + describe(execution.windows()) + "): the reflector refuses it. Add the range to IoBase/IoLen");
    }

    private static String describe(List<Window> windows) {
        return windows.isEmpty() ? "none" : windows.stream().map(Window::toString).collect(Collectors.joining(", "));
    }

    private static List<TraceStep> flowOf(ReplayEvent event) {
        if (event instanceof ReplayEvent.Copy copy) {
            return Flows.ofCopy(copy);
        }
        if (event instanceof ReplayEvent.MapIoSpace map) {
            return Flows.ofMap(map);
        }
        CallSite site = event.site();
        return List.of(new TraceStep(site.location(), site.callee() + "(" + String.join(", ", site.argumentTexts()) + ")"));
    }
}
