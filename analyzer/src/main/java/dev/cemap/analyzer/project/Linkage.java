package dev.cemap.analyzer.project;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Which definitions a call can bind to, as the linker binds it: the module's own files and the
 * libraries it links (TARGETLIBS, SOURCELIBS); for a library, those of every module linking it,
 * where its calls are resolved. A function of the same name in another module of the tree is
 * not the one called, however unique its name.
 */
final class Linkage {

    private final List<Module> modules;
    private final Map<String, Module> libraryByName;
    private final Map<Module, Set<Path>> visible = new ConcurrentHashMap<>();
    private final Map<Module, Set<Module>> linked = new ConcurrentHashMap<>();

    Linkage(List<Module> modules) {
        this.modules = List.copyOf(modules);
        this.libraryByName = modules.stream().filter(module -> module.type() == Module.Type.LIBRARY)
                .collect(Collectors.toMap(module -> module.name().toLowerCase(Locale.ROOT), module -> module,
                        (a, b) -> a));
    }

    /**
     * Whether a call in {@code callerModules}' code can reach a definition in {@code definition}.
     * Code no module builds binds only to code no module builds: nothing says what it links.
     */
    boolean canBind(List<Module> callerModules, Path definition, List<Module> definitionModules) {
        if (callerModules.isEmpty()) {
            return definitionModules.isEmpty();
        }
        Path file = definition.toAbsolutePath().normalize();
        return callerModules.stream().anyMatch(module -> visibleFrom(module).contains(file));
    }

    Set<Path> visibleFrom(Module module) {
        return visible.computeIfAbsent(module, this::computeVisible);
    }

    /**
     * Of the modules that compile {@code definition}, those a call in {@code callerModules}' code
     * reaches: a file built twice (a driver's and a boot loader's library with {@code -DBOOT_MODE})
     * is, for this caller, the build its image links.
     */
    List<Module> buildsReachedFrom(List<Module> callerModules, Path definition, List<Module> definitionModules) {
        Set<Module> reached = new HashSet<>();
        callerModules.forEach(module -> reached.addAll(linkedWith(module)));
        return definitionModules.stream().filter(reached::contains).toList();
    }

    /** A boot loader or OAL image, or a library that only such images link. */
    boolean runsBareMetalOnly(Module module) {
        if (module.bareMetal()) {
            return true;
        }
        if (module.type() != Module.Type.LIBRARY) {
            return false;
        }
        List<Module> images = imagesLinking(module);
        return !images.isEmpty() && images.stream().allMatch(Module::bareMetal);
    }

    private Set<Path> computeVisible(Module module) {
        Set<Path> files = new HashSet<>();
        linkedWith(module).forEach(linked -> files.addAll(linked.sourceFiles()));
        return Set.copyOf(files);
    }

    /** The modules whose TARGETLIBS or SOURCELIBS name this one. */
    private List<Module> imagesLinking(Module library) {
        return modules.stream().filter(other -> other.links(library.name())).toList();
    }

    /** The module, the images linking it when it is a library, and the libraries those link. */
    private Set<Module> linkedWith(Module module) {
        return linked.computeIfAbsent(module, this::computeLinked);
    }

    private Set<Module> computeLinked(Module module) {
        Set<Module> images = new HashSet<>();
        if (module.type() == Module.Type.LIBRARY) {
            images.addAll(imagesLinking(module));
        }
        images.add(module);
        Set<Module> linked = new HashSet<>(images);
        for (Module image : images) {
            for (String library : image.libraries()) {
                Module lib = libraryByName.get(library);
                if (lib != null) {
                    linked.add(lib);
                }
            }
        }
        return Set.copyOf(linked);
    }
}
