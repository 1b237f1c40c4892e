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
 * <li>TARGETTYPE=PROGRAM: an application;</li>
 * <li>a DLL: one context per registry key whose {@code Dll} names it, user-mode when its
 *     {@code Flags} has DEVFLAGS_LOAD_AS_USERPROC (0x10), kernel-mode otherwise; without a key, a
 *     kernel-mode DLL when {@code platform.bib} gives it the {@code K} flag;</li>
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
        for (DriverKey key : bsp.drivers()) {
            if (key.loads(module.name())) {
                boolean user = key.isUserMode();
                contexts.add(new ExecutionContext(user ? ExecutionContext.Mode.USER_DRIVER
                        : ExecutionContext.Mode.KERNEL_DRIVER, Optional.of(module.fileName()), Optional.of(key),
                        "[" + key.key().path() + "] " + (user ? "Flags has DEVFLAGS_LOAD_AS_USERPROC (0x10)"
                                : key.flags().isPresent() ? "Flags without DEVFLAGS_LOAD_AS_USERPROC"
                                        : "no Flags: Device Manager loads it into the kernel")));
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
            case DYNLINK -> module.fileName() + " is loaded by no registry key and has no K flag in a .bib file";
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
