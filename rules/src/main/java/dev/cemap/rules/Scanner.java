package dev.cemap.rules;

import dev.cemap.analyzer.FileAnalysis;
import dev.cemap.analyzer.FileAnalyzer;
import dev.cemap.analyzer.api.ApiTable;
import dev.cemap.analyzer.check.Checker;
import dev.cemap.analyzer.check.Diagnostic;
import dev.cemap.analyzer.engine.DefinitionLookup;
import dev.cemap.analyzer.engine.ReplaySettings;
import dev.cemap.analyzer.frontend.FrontEnd;
import dev.cemap.analyzer.frontend.FrontEndSettings;
import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.analyzer.project.ProjectModel;
import dev.cemap.analyzer.replay.FunctionReplay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;

/**
 * The one pipeline every command runs: the tree and the BSP around it, the wrapper index, the
 * pre-scan, then every relevant file parsed and replayed with the rules' hooks, in parallel.
 * Results are merged in file order and sorted, so the report is the same whatever the thread
 * count.
 */
public final class Scanner {

    /** CDT's parser recurses once per nesting level; deep expressions need far more than 1 MB. */
    private static final long PARSER_STACK_BYTES = 64L * 1024 * 1024;

    /** Notification id of the pre-scan's count of files it left out. */
    public static final String PRESCAN_SKIPPED = "prescan-skipped";

    /** The constants wrong-constant checks: a file defining one is scanned even without a mapping call. */
    private static final Set<String> MEMORY_CONSTANTS = Set.of("PAGE_NOACCESS", "PAGE_READONLY", "PAGE_READWRITE",
            "PAGE_WRITECOPY", "PAGE_EXECUTE", "PAGE_EXECUTE_READ", "PAGE_EXECUTE_READWRITE", "PAGE_EXECUTE_WRITECOPY",
            "PAGE_GUARD", "PAGE_NOCACHE", "PAGE_PHYSICAL", "PAGE_WRITECOMBINE", "MEM_COMMIT", "MEM_RESERVE",
            "MEM_DECOMMIT", "MEM_RELEASE", "MEM_TOP_DOWN", "MEM_AUTO_COMMIT");

    private final Map<String, Rule> rules = new LinkedHashMap<>();
    private final int threads;

    public Scanner() {
        this(RuleRegistry.all(), Runtime.getRuntime().availableProcessors());
    }

    public Scanner(List<Rule> rules, int threads) {
        rules.forEach(rule -> this.rules.put(rule.id(), rule));
        this.threads = Math.max(1, threads);
    }

    public ScanReport scan(ScanRequest request) {
        return scan(request, ScanListener.NONE);
    }

    public ScanReport scan(ScanRequest request, ScanListener listener) {
        SourceTree tree = SourceTree.of(request.paths(), request.exclusions());
        FrontEndSettings frontEndSettings = new FrontEndSettings(request.target(), null, request.includeDirs(),
                request.defines());
        ExecutorService workers = Executors.newFixedThreadPool(threads, parserThreads());
        try {
            // Once per scan: the BSP around the tree (modules, registry, kernel RAM, what links what)
            // for every rule, and the registry windows the replay answers DDKReg_GetWindowInfo with.
            ProjectModel project = projectOf(request, tree, frontEndSettings);
            FrontEnd frontEnd = new FrontEnd(frontEndSettings, tree.root()).withBuilds(project::sourcesCompiling);
            Prescan prescan = prescan(tree, indexedFiles(tree, project), frontEnd, workers, listener, project::canBind);
            WrapperIndexer.TreeIndex index = prescan.index();
            List<Checker> checkers = new ArrayList<>(rules.values());
            ReplaySettings settings = new ReplaySettings(request.target(), checkers, ApiTable.standard(),
                    index.summaries(), DefinitionLookup.NONE, project);
            FileAnalyzer analyzer = new FileAnalyzer(frontEnd, settings, index.wrappers(),
                    file -> RegistryWindows.of(project.contextsOf(file)));
            List<Path> relevant = prescan.relevant();
            listener.stage(ScanStage.ANALYSING, tree.files().size());
            Set<Path> analysed = new HashSet<>(relevant);
            tree.files().stream().filter(file -> !analysed.contains(file)).forEach(listener::fileDone);
            return report(request, tree, ParallelAnalysis.analyzeAll(analyzer, relevant, workers, listener), project,
                    tree.files().size() - relevant.size());
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * The BSP around what was scanned. Files given one by one, with no BSP above them, are not a
     * reason to walk their whole folder (a home directory, /tmp) for build files.
     */
    private static ProjectModel projectOf(ScanRequest request, SourceTree tree, FrontEndSettings settings) {
        boolean onlyFiles = request.paths().stream().noneMatch(Files::isDirectory);
        if (onlyFiles && !ProjectModel.hasBspAtOrAbove(tree.root()) && !Files.exists(tree.root().resolve("sources"))) {
            return ProjectModel.none(tree.root());
        }
        return ProjectModel.load(tree.root(), settings);
    }

    /** The tree's wrapper index, and the files the analysis must parse. */
    private record Prescan(WrapperIndexer.TreeIndex index, List<Path> relevant) {
    }

    /**
     * The scanned files and those of the libraries they link in the BSP: a driver folder scanned
     * alone still calls its BSP's MmMapIoSpace and helpers as the linker binds them.
     */
    private static List<Path> indexedFiles(SourceTree tree, ProjectModel project) {
        Set<Path> files = new LinkedHashSet<>(tree.files());
        project.linkedFiles(tree.files()).stream().filter(Files::isRegularFile).sorted().forEach(files::add);
        return List.copyOf(files);
    }

    /**
     * Reads every file once for the names it mentions, indexes the wrappers from the files naming
     * a mapping API, then keeps the files that can have findings: only those that name a mapping
     * API, a wrapper of one or a memory constant; the others (most of a BSP) are counted and not
     * parsed. What the files mention is dropped when this returns.
     */
    private static Prescan prescan(SourceTree tree, List<Path> indexed, FrontEnd frontEnd, ExecutorService workers,
            ScanListener listener, BiPredicate<Path, Path> linkage) {
        TreeMentions mentions = TreeMentions.read(indexed, workers, listener);
        WrapperIndexer.TreeIndex index = WrapperIndexer.index(frontEnd, indexed, mentions, workers, listener, linkage);
        Set<String> names = new HashSet<>(index.wrappers().names());
        names.addAll(MEMORY_CONSTANTS);
        return new Prescan(index, mentions.filesMentioning(tree.files(), names));
    }

    private ScanReport report(ScanRequest request, SourceTree tree, List<FileAnalysis> analyses, ProjectModel project,
            int skipped) {
        List<Finding> findings = new ArrayList<>();
        List<Notification> notifications = new ArrayList<>(tree.notifications());
        if (skipped > 0) {
            notifications.add(Notification.global(PRESCAN_SKIPPED, Level.NOTE, skipped + " of " + tree.files().size()
                    + " source files name no mapping API, wrapper of one or memory constant; they were not parsed"));
        }
        notifications.addAll(project.notifications());
        int analysed = 0;
        for (FileAnalysis analysis : analyses) {
            notifications.addAll(analysis.notifications());
            if (analysis.analysed()) {
                analysed++;
            }
            List<Finding> found = new ArrayList<>(findingsOf(analysis.fileDiagnostics(), ""));
            for (FunctionReplay function : analysis.functions()) {
                found.addAll(findingsOf(function.diagnostics(), function.function()));
            }
            findings.addAll(project.isLeftOutOfItsBuild(analysis.file()) ? asNotes(found) : found);
        }
        return new ScanReport(tree.root(), request.target(), withoutRepeatsFromWrappers(findings),
                notifications.stream().sorted().distinct().toList(), tree.files().size(), analysed, skipped,
                project, analyses);
    }

    /**
     * A file its folder's {@code sources} does not list is not built there (a copy, a file kept
     * for reference): what is found in it is said, at level note, since it runs nowhere.
     */
    private static List<Finding> asNotes(List<Finding> findings) {
        return findings.stream().map(finding -> finding.level().isAtLeast(Level.WARNING)
                ? finding.withLevel(Level.NOTE) : finding).toList();
    }

    private List<Finding> findingsOf(List<Diagnostic> diagnostics, String function) {
        List<Finding> findings = new ArrayList<>();
        for (Diagnostic diagnostic : diagnostics) {
            Rule rule = rules.get(diagnostic.checkerId());
            if (rule != null) {
                findings.add(Findings.of(diagnostic, rule, function));
            }
        }
        return findings;
    }

    /**
     * A wrapper that is wrong whatever its arguments is reported by its own replay, at its own
     * line or at the call closest to the defect; the same defect found again through the callers
     * further up (whose call path ends with that one) adds nothing.
     */
    static List<Finding> withoutRepeatsFromWrappers(List<Finding> findings) {
        Set<String> paths = new HashSet<>();
        for (Finding finding : findings) {
            paths.add(finding.ruleId() + finding.callPath());
        }
        // One result per defect: the same finding from several replays (registry configurations,
        // callers of a wrapper reaching the same line) is one, with each way to it as a flow.
        Map<String, Finding> merged = new LinkedHashMap<>();
        findings.stream()
                .filter(finding -> !reportedCloser(finding, paths))
                .sorted()
                .forEach(finding -> merged.merge(finding.ruleId() + "|" + finding.location() + "|" + finding.message(),
                        finding, Finding::merging));
        return List.copyOf(merged.values());
    }

    private static boolean reportedCloser(Finding finding, Set<String> paths) {
        List<SourceLocation> path = finding.callPath();
        for (int start = 1; start < path.size(); start++) {
            if (paths.contains(finding.ruleId() + path.subList(start, path.size()))) {
                return true;
            }
        }
        return false;
    }

    private static ThreadFactory parserThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(null, task, "cemap-parser-" + count.incrementAndGet(), PARSER_STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        };
    }
}
