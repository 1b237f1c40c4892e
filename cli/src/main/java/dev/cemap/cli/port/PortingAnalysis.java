package dev.cemap.cli.port;

import dev.cemap.analyzer.FileAnalysis;
import dev.cemap.analyzer.FileAnalyzer;
import dev.cemap.analyzer.frontend.FrontEnd;
import dev.cemap.analyzer.frontend.FrontEndSettings;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.analyzer.project.ExecutionContext;
import dev.cemap.analyzer.project.Module;
import dev.cemap.analyzer.project.ProjectModel;
import dev.cemap.analyzer.replay.FunctionReplay;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.cli.port.PortingReport.ModuleSection;
import dev.cemap.cli.port.PortingReport.Site;
import dev.cemap.emulator.CeVersion;
import dev.cemap.rules.Finding;
import dev.cemap.rules.Rule;
import dev.cemap.rules.RuleContext;
import dev.cemap.rules.RuleRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gathers the porting report: the project model, then every source file analysed twice (once per
 * version) with the real analyzer, and every rule run over both replays so that the report can
 * tell what porting breaks from what was wrong already.
 */
public final class PortingAnalysis {

    /** As the scanner: CDT recurses once per nesting level of an expression. */
    private static final long PARSER_STACK_BYTES = 64L * 1024 * 1024;

    private PortingAnalysis() {
    }

    /**
     * @param path        a BSP folder (or one source file)
     * @param includeDirs {@code -I} folders
     * @param defines     {@code -D} macros
     */
    public static PortingReport run(Path path, CeVersion from, CeVersion to, List<Path> includeDirs,
            Map<String, String> defines) {
        Path scanned = path.toAbsolutePath().normalize();
        Path root = Files.isRegularFile(scanned) && scanned.getParent() != null ? scanned.getParent() : scanned;
        FrontEndSettings targetSettings = new FrontEndSettings(to, null, includeDirs, defines);
        ProjectModel project = ProjectModel.load(root, targetSettings);
        List<Path> files = Files.isRegularFile(scanned) ? List.of(scanned) : project.sourceFiles();

        List<FileAnalysis> sourceAnalyses = analyze(files, new FrontEndSettings(from, null, includeDirs, defines), root);
        List<FileAnalysis> targetAnalyses = analyze(files, targetSettings, root);
        List<Finding> sourceFindings = findings(sourceAnalyses, from, project);
        List<Finding> targetFindings = findings(targetAnalyses, to, project);

        Map<SourceLocation, ReplayEvent> sourceEvents = mappingEvents(sourceAnalyses);
        Map<SourceLocation, ReplayEvent> targetEvents = mappingEvents(targetAnalyses);
        List<SourceLocation> locations = new ArrayList<>(targetEvents.keySet());
        sourceEvents.keySet().stream().filter(l -> !targetEvents.containsKey(l)).forEach(locations::add);
        locations.sort(Comparator.naturalOrder());

        // Sites are numbered in report order: modules by title, then calls by place.
        Map<String, List<SourceLocation>> locationsByModule = new TreeMap<>();
        Map<String, Optional<Module>> moduleByTitle = new LinkedHashMap<>();
        for (SourceLocation location : locations) {
            locationsByModule.computeIfAbsent(title(project, location.file(), root, moduleByTitle),
                    t -> new ArrayList<>()).add(location);
        }
        Map<String, List<Site>> sitesByModule = new TreeMap<>();
        AtomicInteger number = new AtomicInteger();
        locationsByModule.forEach((title, places) -> places.forEach(location -> sitesByModule
                .computeIfAbsent(title, t -> new ArrayList<>())
                .add(SiteBuilder.site(number.incrementAndGet(), location, Optional.ofNullable(sourceEvents.get(location)),
                        Optional.ofNullable(targetEvents.get(location)), at(sourceFindings, location),
                        at(targetFindings, location)))));
        // Findings that are not at a mapping call (a wrong #define) still belong to their module.
        Map<String, List<Finding>> otherFindings = new TreeMap<>();
        for (Finding finding : targetFindings) {
            SourceLocation at = callAtFault(finding);
            if (!targetEvents.containsKey(at) && !sourceEvents.containsKey(at)) {
                otherFindings.computeIfAbsent(title(project, at.file(), root, moduleByTitle), t -> new ArrayList<>())
                        .add(finding);
            }
        }

        List<ModuleSection> drafts = new ArrayList<>();
        for (Map.Entry<String, Optional<Module>> entry : new TreeMap<>(moduleByTitle).entrySet()) {
            Optional<Module> module = entry.getValue();
            List<ExecutionContext> contexts = module.map(project::contextsOf)
                    .orElse(List.of(ExecutionContext.unknown("no sources file builds it")));
            drafts.add(new ModuleSection(module, entry.getKey(), contexts,
                    module.map(project::isExcludedFromBuild).orElse(false),
                    sitesByModule.getOrDefault(entry.getKey(), List.of()),
                    otherFindings.getOrDefault(entry.getKey(), List.of()), List.of()));
        }
        // Registry fixes first: a driver key's windows must cover the calls of every module running in it.
        Actions actions = new Actions(project, SectionNotes.of(sourceAnalyses, from, to));
        List<PortingReport.RegistryFix> fixes = actions.registryFixes(drafts);
        List<ModuleSection> modules = new ArrayList<>();
        for (ModuleSection draft : drafts) {
            modules.add(new ModuleSection(draft.module(), draft.title(), draft.contexts(), draft.excludedFromBuild(),
                    draft.sites(), draft.otherFindings(),
                    actions.forModule(draft.module(), draft.contexts(), draft.sites(), draft.otherFindings(), fixes)));
        }
        List<Notification> notifications = new ArrayList<>(project.notifications());
        sourceAnalyses.forEach(a -> notifications.addAll(a.notifications()));
        return new PortingReport(root, from, to, project.bsps(), modules, fixes,
                files.size(), notifications.stream().sorted().distinct().toList());
    }

    /** The module a file belongs to, as a section title; files of no module are grouped by folder. */
    private static String title(ProjectModel project, Path file, Path root, Map<String, Optional<Module>> titles) {
        Optional<Module> module = project.moduleOf(file);
        String title = module.map(Module::fileName).orElseGet(() -> {
            Path folder = file.getParent();
            return (folder.startsWith(root) && !folder.equals(root) ? root.relativize(folder).toString() : ".")
                    .replace('\\', '/') + "/";
        });
        titles.putIfAbsent(title, module);
        return title;
    }

    /**
     * The findings about one call. A wrapper's call is also reported through each caller the replay
     * inlined it into; its own direct finding, when there is one, says the same once.
     */
    private static List<Finding> at(List<Finding> findings, SourceLocation location) {
        List<Finding> about = findings.stream().filter(f -> callAtFault(f).equals(location)).toList();
        List<Finding> direct = about.stream().filter(f -> f.callPath().size() == 1).toList();
        return direct.isEmpty() ? about : direct;
    }

    /** The call the finding is about: the last step of its call path (inside a wrapper, if any). */
    private static SourceLocation callAtFault(Finding finding) {
        return finding.callPath().get(finding.callPath().size() - 1);
    }

    /**
     * The first event of each mapping call: a call replayed on several paths, or inside a wrapper
     * from several callers, is one site. The call's own replay comes before inlined ones.
     */
    private static Map<SourceLocation, ReplayEvent> mappingEvents(List<FileAnalysis> analyses) {
        Map<SourceLocation, ReplayEvent> events = new LinkedHashMap<>();
        for (boolean inlined : new boolean[] {false, true}) {
            for (FileAnalysis analysis : analyses) {
                for (FunctionReplay function : analysis.functions()) {
                    for (ReplayEvent event : function.events()) {
                        if (SiteBuilder.isMappingCall(event) && event.site().isInlined() == inlined) {
                            events.putIfAbsent(event.site().location(), event);
                        }
                    }
                }
            }
        }
        return events;
    }

    private static List<Finding> findings(List<FileAnalysis> analyses, CeVersion version, ProjectModel project) {
        List<Rule> rules = RuleRegistry.all();
        List<Finding> findings = new ArrayList<>();
        for (FileAnalysis analysis : analyses) {
            List<RuleContext> contexts = new ArrayList<>();
            contexts.add(RuleContext.forFile(analysis.file(), version, analysis.macros(), project));
            analysis.functions().forEach(function -> contexts.add(new RuleContext(function, project)));
            for (RuleContext context : contexts) {
                rules.forEach(rule -> rule.check(context));
                findings.addAll(context.findings());
            }
        }
        return findings.stream().sorted().distinct().toList();
    }

    private static List<FileAnalysis> analyze(List<Path> files, FrontEndSettings settings, Path root) {
        FileAnalyzer analyzer = new FileAnalyzer(new FrontEnd(settings, root), settings.target());
        int threads = Math.max(1, Math.min(files.size(), Runtime.getRuntime().availableProcessors()));
        AtomicInteger count = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(null, task, "cemap-port-" + count.incrementAndGet(), PARSER_STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<FileAnalysis>> pending = new ArrayList<>();
            for (Path file : files) {
                pending.add(workers.submit(() -> analyzer.analyze(file)));
            }
            List<FileAnalysis> results = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                results.add(await(pending.get(i), files.get(i)));
            }
            return results;
        } finally {
            workers.shutdownNow();
        }
    }

    private static FileAnalysis await(Future<FileAnalysis> pending, Path file) {
        try {
            return pending.get();
        } catch (ExecutionException e) {
            return new FileAnalysis(file, false, List.of(), List.of(Notification.global("analysis-failure",
                    dev.cemap.analyzer.model.Level.ERROR, file + " could not be analysed ("
                            + (e.getCause() == null ? e : e.getCause()).getClass().getSimpleName() + ")")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FileAnalysis(file, false, List.of(), List.of());
        }
    }
}
