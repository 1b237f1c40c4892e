package dev.cemap.rules;

import dev.cemap.analyzer.FileAnalysis;
import dev.cemap.analyzer.FileAnalyzer;
import dev.cemap.analyzer.FunctionFactsCollector;
import dev.cemap.analyzer.WrapperIndex;
import dev.cemap.analyzer.frontend.FrontEnd;
import dev.cemap.analyzer.frontend.FrontEndSettings;
import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.analyzer.project.ProjectModel;
import dev.cemap.analyzer.replay.FunctionReplay;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the analyzer over the requested paths and every rule over what it replays. Files are
 * analysed in parallel; results are merged in file order and sorted, so the report is the same
 * whatever the thread count.
 */
public final class Scanner {

    /** CDT's parser recurses once per nesting level; deep expressions need far more than 1 MB. */
    private static final long PARSER_STACK_BYTES = 64L * 1024 * 1024;
    /** Time one file may take; driver sources take milliseconds, so this only stops pathological inputs. */
    static final long FILE_BUDGET_SECONDS = 120;

    /** Notification id of the pre-scan's count of files it left out. */
    public static final String PRESCAN_SKIPPED = "prescan-skipped";

    /** The constants wrong-constant checks: a file defining one is scanned even without a mapping call. */
    private static final Set<String> MEMORY_CONSTANTS = Set.of("PAGE_NOACCESS", "PAGE_READONLY", "PAGE_READWRITE",
            "PAGE_WRITECOPY", "PAGE_EXECUTE", "PAGE_EXECUTE_READ", "PAGE_EXECUTE_READWRITE", "PAGE_EXECUTE_WRITECOPY",
            "PAGE_GUARD", "PAGE_NOCACHE", "PAGE_PHYSICAL", "PAGE_WRITECOMBINE", "MEM_COMMIT", "MEM_RESERVE",
            "MEM_DECOMMIT", "MEM_RELEASE", "MEM_TOP_DOWN", "MEM_AUTO_COMMIT");
    /** Wrappers of wrappers of wrappers: deeper chains are rare and still replayed where they meet. */
    private static final int MAX_WRAPPER_ROUNDS = 4;

    private final List<Rule> rules;
    private final int threads;

    public Scanner() {
        this(RuleRegistry.all(), Runtime.getRuntime().availableProcessors());
    }

    public Scanner(List<Rule> rules, int threads) {
        this.rules = List.copyOf(rules);
        this.threads = Math.max(1, threads);
    }

    public ScanReport scan(ScanRequest request) {
        return scan(request, ScanListener.NONE);
    }

    public ScanReport scan(ScanRequest request, ScanListener listener) {
        SourceTree tree = SourceTree.of(request.paths());
        listener.started(tree.files().size());
        FrontEnd frontEnd = new FrontEnd(new FrontEndSettings(request.target(), null, request.includeDirs(),
                request.defines()), tree.root());
        ExecutorService workers = Executors.newFixedThreadPool(threads, parserThreads());
        try {
            WrapperIndex wrappers = indexWrappers(frontEnd, tree.files(), workers);
            // Once per scan: the BSP around the tree (modules, registry, kernel RAM) for every rule,
            // and the registry windows the replay answers a driver's DDKReg_GetWindowInfo with.
            ProjectModel project = projectOf(request, tree);
            FileAnalyzer analyzer = new FileAnalyzer(frontEnd, request.target(), wrappers,
                    file -> RegistryWindows.of(project.contextsOf(file)));
            List<Path> relevant = relevantFiles(tree.files(), wrappers, workers);
            Set<Path> analysed = new HashSet<>(relevant);
            tree.files().stream().filter(file -> !analysed.contains(file)).forEach(listener::fileDone);
            return report(request, tree, analyzeAll(analyzer, relevant, workers, listener), project,
                    tree.files().size() - relevant.size());
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * The BSP around what was scanned. Files given one by one, with no BSP above them, are not a
     * reason to walk their whole folder (a home directory, /tmp) for build files.
     */
    private static ProjectModel projectOf(ScanRequest request, SourceTree tree) {
        boolean onlyFiles = request.paths().stream().noneMatch(java.nio.file.Files::isDirectory);
        if (onlyFiles && !ProjectModel.hasBspAtOrAbove(tree.root())
                && !java.nio.file.Files.exists(tree.root().resolve("sources"))) {
            return ProjectModel.none(tree.root());
        }
        return ProjectModel.load(tree.root(), new FrontEndSettings(request.target(), null, request.includeDirs(),
                request.defines()));
    }

    /**
     * The pre-scan: only files that name a mapping API, a wrapper of one or a memory constant can
     * have findings; the others (most of a BSP) are counted and not parsed.
     */
    private static List<Path> relevantFiles(List<Path> files, WrapperIndex wrappers, ExecutorService workers) {
        Set<String> names = new HashSet<>(wrappers.names());
        names.addAll(MEMORY_CONSTANTS);
        List<Future<Boolean>> checks = new ArrayList<>();
        for (Path file : files) {
            checks.add(workers.submit(() -> MentionScan.mentionsAny(file, names)));
        }
        List<Path> relevant = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            try {
                if (checks.get(i).get()) {
                    relevant.add(files.get(i));
                }
            } catch (ExecutionException e) {
                relevant.add(files.get(i)); // let the parser report what is wrong with it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                relevant.add(files.get(i));
            }
        }
        return relevant;
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
            findings.addAll(check(RuleContext.forFile(analysis.file(), request.target(), analysis.macros(), project)));
            for (FunctionReplay function : analysis.functions()) {
                findings.addAll(check(new RuleContext(function, project)));
            }
        }
        return new ScanReport(tree.root(), request.target(), withoutRepeatsFromWrappers(findings),
                notifications.stream().sorted().distinct().toList(), tree.files().size(), analysed, skipped);
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
        return findings.stream()
                .filter(finding -> !reportedCloser(finding, paths))
                .sorted()
                .distinct()
                .toList();
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

    private List<Finding> check(RuleContext context) {
        for (Rule rule : rules) {
            rule.check(context);
        }
        return context.findings();
    }

    /**
     * Finds the functions that map memory through others, across files: files naming a mapping
     * API are parsed for their functions and callees, then files naming one of the wrappers
     * found, until no new wrapper appears. Usually a few percent of a tree is parsed here.
     */
    private static WrapperIndex indexWrappers(FrontEnd frontEnd, List<Path> files, ExecutorService workers) {
        FunctionFactsCollector collector = new FunctionFactsCollector(frontEnd);
        List<WrapperIndex.FunctionFacts> facts = new ArrayList<>();
        Set<Path> parsed = new HashSet<>();
        WrapperIndex index = WrapperIndex.EMPTY;
        for (int round = 0; round < MAX_WRAPPER_ROUNDS; round++) {
            Set<String> names = index.names();
            List<Future<List<WrapperIndex.FunctionFacts>>> pending = new ArrayList<>();
            for (Path file : files) {
                if (!parsed.contains(file)) {
                    // null: the file names none of them and was not parsed this round
                    pending.add(workers.submit(() -> MentionScan.mentionsAny(file, names) ? collector.collect(file)
                            : null));
                }
            }
            boolean parsedAny = false;
            for (int i = 0, next = 0; i < files.size(); i++) {
                if (parsed.contains(files.get(i))) {
                    continue;
                }
                List<WrapperIndex.FunctionFacts> found = awaitFacts(pending.get(next++));
                if (found != null) {
                    parsed.add(files.get(i));
                    facts.addAll(found);
                    parsedAny = true;
                }
            }
            WrapperIndex grown = WrapperIndex.of(facts);
            if (!parsedAny || grown.names().equals(index.names())) {
                return grown;
            }
            index = grown;
        }
        return index;
    }

    private static List<WrapperIndex.FunctionFacts> awaitFacts(Future<List<WrapperIndex.FunctionFacts>> pending) {
        try {
            return pending.get();
        } catch (ExecutionException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private List<FileAnalysis> analyzeAll(FileAnalyzer analyzer, List<Path> files, ExecutorService workers,
            ScanListener listener) {
        List<Future<FileAnalysis>> pending = new ArrayList<>();
        Map<Path, Long> started = new ConcurrentHashMap<>();
        for (Path file : files) {
            pending.add(workers.submit(() -> {
                started.put(file, System.nanoTime());
                try {
                    return analyzer.analyze(file);
                } finally {
                    listener.fileDone(file);
                }
            }));
        }
        List<FileAnalysis> results = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            results.add(await(pending.get(i), files.get(i), started));
        }
        return results;
    }

    /**
     * Waits for one file's analysis, at most {@link #FILE_BUDGET_SECONDS} from when a worker took
     * it up: a file that takes longer is reported and left behind (the parser cannot be stopped,
     * so its worker is lost to the rest of the scan, which goes on with the others).
     */
    private static FileAnalysis await(Future<FileAnalysis> pending, Path file, Map<Path, Long> started) {
        try {
            while (true) {
                try {
                    return pending.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException stillRunning) {
                    Long start = started.get(file);
                    if (start != null && System.nanoTime() - start > TimeUnit.SECONDS.toNanos(FILE_BUDGET_SECONDS)) {
                        pending.cancel(true);
                        return failed(file, "over the " + FILE_BUDGET_SECONDS + " s budget for one file");
                    }
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return failed(file, cause.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(file, "interrupted");
        }
    }

    private static FileAnalysis failed(Path file, String why) {
        return new FileAnalysis(file, false, List.of(), List.of(Notification.global("analysis-failure", Level.ERROR,
                file + " could not be analysed (" + why + ")")));
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
