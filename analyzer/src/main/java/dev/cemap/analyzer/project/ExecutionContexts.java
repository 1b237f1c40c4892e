package dev.cemap.analyzer.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides how a module runs on CE 6 and later:
 * <ul>
 * <li>a boot loader, the OAL, KITL (their own entry point, no coredll.lib): bare metal or in the kernel;</li>
 * <li>TARGETTYPE=PROGRAM: an application;</li>
 * <li>a DLL: one context per registry value of a known loader naming it ({@link DriverLoaders}):
 *     Device Manager and the bus drivers activating keys through it (user mode when {@code Flags}
 *     has DEVFLAGS_LOAD_AS_USERPROC, 0x10), services (user mode through the reflector), GWES, the
 *     storage manager, NDIS, USB (kernel mode), the text shell (an application); without one, a
 *     kernel-mode DLL when the OS image's {@code platform.bib} gives it the {@code K} flag;</li>
 * <li>a LIBRARY: the contexts of every module whose TARGETLIBS or SOURCELIBS link it (libraries
 *     linked into libraries are followed).</li>
 * </ul>
 * Anything else is unknown, and rules say nothing about it.
 */
final class ExecutionContexts {

    private ExecutionContexts() {
    }

    static List<ExecutionContext> of(Module module, Bsp bsp) {
        List<ExecutionContext> found = contexts(module, bsp, new HashSet<>());
        return found.isEmpty() ? List.of(unknown(module, reasonForNothing(module))) : found;
    }

    private static List<ExecutionContext> contexts(Module module, Bsp bsp, Set<Module> visiting) {
        if (!visiting.add(module)) {
            return List.of(); // a library cycle in SOURCELIBS: the build would fail, the model stops
        }
        if (module.bareMetal()) {
            return List.of(new ExecutionContext(ExecutionContext.Mode.BARE_METAL, Optional.of(module.fileName()),
                    Optional.empty(), relative(bsp, module) + " names its own entry point and links no coredll.lib"));
        }
        return switch (module.type()) {
            case PROGRAM -> List.of(new ExecutionContext(ExecutionContext.Mode.APPLICATION,
                    Optional.of(module.fileName()), Optional.empty(), "TARGETTYPE=PROGRAM in " + relative(bsp, module)));
            case DYNLINK -> dll(module, bsp);
            case LIBRARY -> library(module, bsp, visiting);
            case OTHER -> List.of();
        };
    }

    private static List<ExecutionContext> dll(Module module, Bsp bsp) {
        List<ExecutionContext> contexts = new ArrayList<>();
        for (DriverLoad load : bsp.loads()) {
            if (load.loads(module.name())) {
                ExecutionContext context = new ExecutionContext(load.modeOnCe6(), Optional.of(module.fileName()),
                        load.reflectedKey(), load.reason());
                if (!contexts.contains(context)) {
                    contexts.add(context);
                }
            }
        }
        if (contexts.isEmpty()) {
            bsp.imageModules().stream().filter(entry -> entry.isModule(module.name()) && entry.loadsIntoKernel())
                    .findFirst().ifPresent(entry -> contexts.add(new ExecutionContext(
                            ExecutionContext.Mode.KERNEL_DRIVER, Optional.of(module.fileName()), Optional.empty(),
                            "flags " + entry.flags() + " in " + entry.location().file().getFileName() + ":"
                                    + entry.location().line() + ": K loads it into the kernel")));
        }
        return contexts;
    }

    private static List<ExecutionContext> library(Module library, Bsp bsp, Set<Module> visiting) {
        Set<ExecutionContext> contexts = new LinkedHashSet<>();
        for (Module linker : bsp.modules()) {
            if (!linker.equals(library) && linker.links(library.name())) {
                for (ExecutionContext context : contexts(linker, bsp, visiting)) {
                    contexts.add(new ExecutionContext(context.mode(), context.module(), context.driver(),
                            library.fileName() + " is linked into " + linker.fileName() + "; " + context.reason()));
                }
            }
        }
        return new ArrayList<>(contexts);
    }

    private static String reasonForNothing(Module module) {
        return switch (module.type()) {
            case DYNLINK -> module.fileName() + " is loaded by no registry value a known loader reads and has no K flag "
                    + "in the OS image's platform.bib";
            case LIBRARY -> module.fileName() + " is linked into no module of a known mode";
            default -> "TARGETTYPE of " + module.name() + " says nothing about how it runs";
        };
    }

    private static ExecutionContext unknown(Module module, String reason) {
        return new ExecutionContext(ExecutionContext.Mode.UNKNOWN, Optional.of(module.fileName()), Optional.empty(),
                reason);
    }

    private static String relative(Bsp bsp, Module module) {
        Path sources = module.sourcesFile();
        return sources.startsWith(bsp.root()) ? bsp.root().relativize(sources).toString().replace('\\', '/')
                : sources.toString();
    }
}
