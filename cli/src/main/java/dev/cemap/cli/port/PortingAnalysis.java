package dev.cemap.cli.port;

import dev.cemap.analyzer.FileAnalysis;
import dev.cemap.analyzer.frontend.FrontEndSettings;
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
import dev.cemap.rules.ScanReport;
import dev.cemap.rules.ScanRequest;
import dev.cemap.rules.Scanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gathers the porting report: the scan pipeline run once per version, so that the report can
 * tell what porting breaks from what was wrong already, with the verdicts `cemap scan` gives.
 */
public final class PortingAnalysis {

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
        // The same pipeline as `cemap scan`, once per version: the verdicts cannot differ.
        Scanner scanner = new Scanner();
        ScanReport source = scanner.scan(new ScanRequest(List.of(scanned), from, includeDirs, defines));
        ScanReport target = scanner.scan(new ScanRequest(List.of(scanned), to, includeDirs, defines));
        ProjectModel project = target.project()
                .orElseGet(() -> ProjectModel.load(root, new FrontEndSettings(to, null, includeDirs, defines)));
        List<FileAnalysis> sourceAnalyses = source.analyses();
        List<Finding> sourceFindings = source.findings();
        List<Finding> targetFindings = target.findings();

        Map<SourceLocation, ReplayEvent> sourceEvents = mappingEvents(sourceAnalyses);
        Map<SourceLocation, ReplayEvent> targetEvents = mappingEvents(target.analyses());
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
        return new PortingReport(root, from, to, project.bsps(), modules, fixes, target.filesFound(),
                source.notifications());
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
}
