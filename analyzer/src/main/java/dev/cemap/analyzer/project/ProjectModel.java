package dev.cemap.analyzer.project;

import dev.cemap.analyzer.frontend.FrontEnd;
import dev.cemap.analyzer.frontend.FrontEndSettings;
import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.analyzer.model.SourceLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The BSP around the scanned code: its modules ({@code sources} files), how each runs (registry
 * driver keys, {@code platform.bib} flags, TARGETTYPE, library linkage), and which physical RAM
 * the kernel owns ({@code config.bib} through the OEMAddressTable). Built once per scan; answers
 * rules through {@link BspFacts}.
 *
 * <p>Where the BSP is: a scan of one driver folder (or one file, as the corpus tests do) must
 * still see the BSP's {@code platform.reg} and {@code config.bib}, which live at the BSP root,
 * usually in its {@code FILES} folder. So the nearest folder at or above the scanned one that
 * holds {@code platform.reg}, {@code config.bib} or {@code platform.bib} (itself or in
 * {@code FILES}), at most {@value ProjectWalk#MAX_LEVELS_UP} levels up, is the project root.
 * {@code dirs} files do not mark it: every level of a BSP has one. Without such a folder the
 * scanned folder is the root; BSP roots found below it each get their own registry and memory
 * map, so scanning a folder of several BSPs does not mix them.
 *
 * <p>Malformed build files become notifications; loading never throws.
 */
public final class ProjectModel implements BspFacts {

    /** Asked for every replayed function and every call it binds: looked up once per file. */
    /** Built on first use; racing threads build equal ones. */
    private volatile Linkage linkage;

    /** Notification id for a {@code dirs} entry naming no folder. */
    public static final String DIRS_ENTRY_MISSING = "dirs-entry-missing";

    private final Path root;
    private final Path scanRoot;
    private final Map<Path, Bsp> bsps;
    private final List<Path> codeFiles;
    private final List<Notification> notifications;
    private final Set<Path> excludedByDirs;
    private final Map<Module, List<ExecutionContext>> contexts = new ConcurrentHashMap<>();
    /** Asked at every mapping call the rules check; the modules never change once loaded. */
    private final Map<Path, List<Module>> modulesByFile = new ConcurrentHashMap<>();
    /** Asked at every call the replay and the summaries bind, for the same few pairs of files. */
    private final Map<FilePair, Boolean> bindings = new ConcurrentHashMap<>();
    private final Map<FilePair, Optional<Path>> buildsReached = new ConcurrentHashMap<>();
    private final Map<Path, Optional<Path>> buildsOf = new ConcurrentHashMap<>();

    private ProjectModel(Path root, Path scanRoot, Map<Path, Bsp> bsps, List<Path> codeFiles,
            List<Notification> notifications, Set<Path> excludedByDirs) {
        this.root = root;
        this.scanRoot = scanRoot;
        this.bsps = bsps;
        this.codeFiles = List.copyOf(codeFiles);
        this.notifications = notifications.stream().sorted().distinct().toList();
        this.excludedByDirs = Set.copyOf(excludedByDirs);
    }

    /** A model that knows no BSP: for files scanned on their own, away from any BSP tree. */
    public static ProjectModel none(Path root) {
        Path folder = root.toAbsolutePath().normalize();
        return new ProjectModel(folder, folder, Map.of(), List.of(), List.of(), Set.of());
    }

    /** Whether a BSP root (platform.reg, config.bib, platform.bib) is at or a few levels above {@code folder}. */
    public static boolean hasBspAtOrAbove(Path folder) {
        return ProjectWalk.bspRootAtOrAbove(folder.toAbsolutePath().normalize()).isPresent();
    }

    /**
     * Reads the project around {@code scanRoot}.
     *
     * @param settings the scan's target, {@code -I} folders and {@code -D} macros: the macros decide
     *                 {@code #if}/{@code IF} in build files, and C files holding the OEMAddressTable
     *                 are parsed with all of them
     */
    public static ProjectModel load(Path scanRoot, FrontEndSettings settings) {
        Path scanned = scanRoot.toAbsolutePath().normalize();
        Path scanFolder = Files.isRegularFile(scanned) && scanned.getParent() != null ? scanned.getParent() : scanned;
        Path root = ProjectWalk.bspRootAtOrAbove(scanFolder).orElse(scanFolder);
        // Rooted at the project, not the scanned folder: the table's file finds its own sources
        // file (INCLUDES) even when only one driver folder is scanned.
        FrontEnd frontEnd = new FrontEnd(settings, root);
        Map<String, String> defines = settings.extraDefines();
        ProjectWalk walk = ProjectWalk.of(root);
        List<Notification> notes = new ArrayList<>(walk.notifications);

        Map<Path, List<Module>> modulesByBsp = new LinkedHashMap<>();
        for (Path sources : walk.sources) {
            ModuleReader.read(sources, root).ifPresent(module -> modulesByBsp
                    .computeIfAbsent(walk.bspRootOf(sources, root), r -> new ArrayList<>()).add(module));
        }
        Set<Path> bspRoots = new LinkedHashSet<>();
        bspRoots.add(root);
        walk.bspRoots.stream().filter(r -> r.startsWith(root)).forEach(bspRoots::add);
        Map<Path, Bsp> bsps = new LinkedHashMap<>();
        for (Path bspRoot : bspRoots) {
            bsps.put(bspRoot, readBsp(bspRoot, root, walk, frontEnd, defines,
                    modulesByBsp.getOrDefault(bspRoot, List.of()), notes));
        }
        Set<Path> excluded = DirsFiles.excludedFolders(walk.dirs, root, notes);
        List<Path> code = walk.codeFiles.stream().filter(f -> f.startsWith(scanFolder)).toList();
        return new ProjectModel(root, scanFolder, bsps, code, notes, excluded);
    }

    private static Bsp readBsp(Path bspRoot, Path projectRoot, ProjectWalk walk, FrontEnd frontEnd,
            Map<String, String> defines, List<Module> modules, List<Notification> notes) {
        Optional<Path> rootForVariables = Optional.of(bspRoot);
        List<Path> registryFiles = walk.registryFiles.stream()
                .filter(f -> walk.bspRootOf(f, projectRoot).equals(bspRoot) && !OsImageFiles.isUnusedCopy(f, bspRoot))
                .sorted(Comparator.comparing((Path f) -> !TreePaths.lowerName(f).equals("platform.reg"))
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        RegistryFile registry = RegistryFile.parseAll(registryFiles, defines, rootForVariables);
        notes.addAll(registry.notifications());

        // The OS image first: what its files include is part of it, everything else is another image.
        List<BibFile> image = new ArrayList<>();
        List<BibFile> otherImages = new ArrayList<>();
        Set<Path> bibsRead = new LinkedHashSet<>();
        for (Path bib : OsImageFiles.bibFiles(bspRoot)) {
            if (!bibsRead.contains(bib)) {
                image.add(readBib(bib, defines, rootForVariables, bibsRead, notes));
            }
        }
        for (Path bib : walk.bibFiles) {
            if (walk.bspRootOf(bib, projectRoot).equals(bspRoot) && !bibsRead.contains(bib)
                    && !OsImageFiles.isUnusedCopy(bib, bspRoot)) {
                otherImages.add(readBib(bib, defines, rootForVariables, bibsRead, notes));
            }
        }
        OemAddressTable table = addressTable(bspRoot, projectRoot, walk, frontEnd, defines, notes);
        KernelRam kernelRam = KernelRamTranslation.of(image, table, notes);
        return new Bsp(bspRoot, registry, image, otherImages, table, kernelRam, DriverLoaders.of(registry), modules);
    }

    private static BibFile readBib(Path bib, Map<String, String> defines, Optional<Path> bspRoot, Set<Path> read,
            List<Notification> notes) {
        BibFile parsed = BibFile.parse(bib, defines, bspRoot);
        read.addAll(parsed.filesRead());
        notes.addAll(parsed.notifications());
        return parsed;
    }

    /** Every table of the BSP, merged: C files (and headers) first, then assembler includes. */
    private static OemAddressTable addressTable(Path bspRoot, Path projectRoot, ProjectWalk walk, FrontEnd frontEnd,
            Map<String, String> defines, List<Notification> notes) {
        OemAddressTable table = OemAddressTable.of(List.of());
        for (Path file : walk.cTables) {
            if (walk.bspRootOf(file, projectRoot).equals(bspRoot)) {
                try {
                    table = table.merge(OemAddressTable.fromC(file, frontEnd));
                } catch (RuntimeException | StackOverflowError failure) {
                    notes.add(Notification.at(OemAddressTable.SYNTAX, Level.WARNING, SourceLocation.of(file, 1, 1),
                            file.getFileName() + ": the address table could not be read ("
                                    + failure.getClass().getSimpleName() + ")"));
                }
            }
        }
        for (Path file : walk.asmTables) {
            if (walk.bspRootOf(file, projectRoot).equals(bspRoot)) {
                table = table.merge(OemAddressTable.fromAssembly(file, projectRoot, defines));
            }
        }
        notes.addAll(table.notifications());
        return table;
    }

    /** The project root: the BSP root found at or above the scanned folder, else the scanned folder. */
    public Path root() {
        return root;
    }

    /** The BSP folders of the project, the project root first. */
    public List<Bsp> bsps() {
        return List.copyOf(bsps.values());
    }

    /** Every module of the project. */
    public List<Module> modules() {
        return bsps.values().stream().flatMap(bsp -> bsp.modules().stream()).toList();
    }

    /** The C and C++ files under the scanned folder, sorted. */
    public List<Path> sourceFiles() {
        return codeFiles;
    }

    /** Problems met in build files, sorted. */
    public List<Notification> notifications() {
        return notifications;
    }

    /** The BSP whose folder holds the file (the deepest one). */
    public Optional<Bsp> bspOf(Path file) {
        Path path = file.toAbsolutePath().normalize();
        return bsps.entrySet().stream().filter(entry -> path.startsWith(entry.getKey()))
                .max(Comparator.comparingInt(entry -> entry.getKey().getNameCount()))
                .map(Map.Entry::getValue);
    }

    /** True when a {@code dirs} file above the module does not list the folder it is in: the build skips it. */
    public boolean isExcludedFromBuild(Module module) {
        return excludedByDirs.stream().anyMatch(module.folder()::startsWith);
    }

    @Override
    public Optional<Module> moduleOf(Path sourceFile) {
        return modulesOf(sourceFile).stream().findFirst();
    }

    /** Every module building the file: those whose SOURCES list it, else the nearest {@code sources} folder's. */
    public List<Module> modulesOf(Path sourceFile) {
        Path file = sourceFile.toAbsolutePath().normalize();
        return modulesByFile.computeIfAbsent(file, this::findModules);
    }

    /**
     * The {@code sources} file to read a file with when the one nearest above it does not build
     * it: a child folder's {@code sources} listing {@code ..\file.c}. A file several modules build
     * is read as the first that is not a boot loader or OAL build (the driver's code), in path
     * order; a call from a boot loader binds to its own build (see {@link #sourcesBuilding}).
     */
    public Optional<Path> sourcesCompiling(Path sourceFile) {
        return buildsOf.computeIfAbsent(sourceFile.toAbsolutePath().normalize(), this::findSourcesCompiling);
    }

    private Optional<Path> findSourcesCompiling(Path file) {
        List<Module> listing = modulesListing(file);
        if (listing.isEmpty() || listing.stream().anyMatch(module -> module.folder().equals(file.getParent()))) {
            return Optional.empty();
        }
        return listing.stream()
                .sorted(Comparator.comparing((Module module) -> linkage().runsBareMetalOnly(module))
                        .thenComparing(module -> module.sourcesFile().toString()))
                .map(Module::sourcesFile).findFirst();
    }

    /**
     * True when a {@code sources} file in the file's own folder builds a module whose SOURCES
     * leave the file out, and no module anywhere lists it: the build does not compile it.
     */
    public boolean isLeftOutOfItsBuild(Path sourceFile) {
        Path file = sourceFile.toAbsolutePath().normalize();
        return modulesListing(file).isEmpty()
                && modules().stream().anyMatch(module -> module.folder().equals(file.getParent()));
    }

    /** The modules whose SOURCES name the file. */
    private List<Module> modulesListing(Path file) {
        return modules().stream().filter(module -> module.lists(file)).toList();
    }

    private List<Module> findModules(Path file) {
        List<Module> listing = modulesListing(file);
        if (!listing.isEmpty()) {
            return listing;
        }
        return modules().stream().filter(module -> file.startsWith(module.folder()))
                .max(Comparator.comparingInt(module -> module.folder().getNameCount()))
                .map(List::of).orElse(List.of());
    }

    @Override
    public List<ExecutionContext> contextsOf(Path sourceFile) {
        Set<ExecutionContext> all = new LinkedHashSet<>();
        for (Module module : modulesOf(sourceFile)) {
            all.addAll(contextsOf(module));
        }
        return all.isEmpty() ? List.of(ExecutionContext.unknown("no sources file builds it")) : List.copyOf(all);
    }

    /** How a module runs; see {@link ExecutionContexts}. */
    public List<ExecutionContext> contextsOf(Module module) {
        // Not computeIfAbsent: a library's contexts are those of the modules linking it, computed
        // inside, and a ConcurrentHashMap must not be updated from within its own mapping function.
        List<ExecutionContext> known = contexts.get(module);
        if (known == null) {
            known = ExecutionContexts.of(module, bspHolding(module));
            contexts.put(module, known);
        }
        return known;
    }

    @Override
    public Optional<Path> sourcesBuilding(Path callerFile, Path definitionFile) {
        return buildsReached.computeIfAbsent(new FilePair(callerFile, definitionFile),
                pair -> findSourcesBuilding(callerFile, definitionFile));
    }

    private Optional<Path> findSourcesBuilding(Path callerFile, Path definitionFile) {
        List<Path> builds = linkage().buildsReachedFrom(modulesOf(callerFile), definitionFile,
                modulesOf(definitionFile)).stream().map(Module::sourcesFile).distinct().toList();
        return builds.size() == 1 ? Optional.of(builds.get(0)) : Optional.empty();
    }

    @Override
    public boolean canBind(Path callerFile, Path definitionFile) {
        if (callerFile.equals(definitionFile)) {
            return true;
        }
        return bindings.computeIfAbsent(new FilePair(callerFile, definitionFile),
                pair -> linkage().canBind(modulesOf(callerFile), definitionFile, modulesOf(definitionFile)));
    }

    /** A caller's file and a definition's file. */
    private record FilePair(Path caller, Path definition) {
    }

    /**
     * The source files the modules building these files link with (their libraries', and for a
     * library those of the modules linking it): where the calls of a scanned driver may bind.
     */
    public Set<Path> linkedFiles(Collection<Path> files) {
        Set<Path> linked = new java.util.TreeSet<>();
        for (Path file : files) {
            for (Module module : modulesOf(file)) {
                linked.addAll(linkage().visibleFrom(module));
            }
        }
        return linked;
    }

    private Linkage linkage() {
        Linkage known = linkage;
        if (known == null) {
            known = new Linkage(modules());
            linkage = known;
        }
        return known;
    }

    @Override
    public KernelRam kernelRamFor(Path sourceFile) {
        return bspOf(sourceFile).map(Bsp::kernelRam).orElseGet(() -> KernelRam.unknown("the file is in no BSP folder"));
    }

    private Bsp bspHolding(Module module) {
        return bsps.values().stream().filter(bsp -> bsp.modules().contains(module)).findFirst()
                .orElseGet(() -> bspOf(module.folder()).orElseThrow());
    }

    @Override
    public String toString() {
        return "ProjectModel[" + root + ", " + bsps.size() + " BSP folder(s), " + modules().size() + " module(s), scanned "
                + scanRoot + "]";
    }
}
