package dev.cemap.cli.output;

import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.rules.Finding;
import dev.cemap.rules.FlowStep;
import dev.cemap.rules.Rule;
import dev.cemap.rules.ScanReport;
import de.jcup.sarif_2_1_0.model.Artifact;
import de.jcup.sarif_2_1_0.model.ArtifactLocation;
import de.jcup.sarif_2_1_0.model.CodeFlow;
import de.jcup.sarif_2_1_0.model.ConfigurationOverride;
import de.jcup.sarif_2_1_0.model.Invocation;
import de.jcup.sarif_2_1_0.model.Location;
import de.jcup.sarif_2_1_0.model.Message;
import de.jcup.sarif_2_1_0.model.Notification;
import de.jcup.sarif_2_1_0.model.OriginalUriBaseIds;
import de.jcup.sarif_2_1_0.model.PartialFingerprints;
import de.jcup.sarif_2_1_0.model.PhysicalLocation;
import de.jcup.sarif_2_1_0.model.Region;
import de.jcup.sarif_2_1_0.model.ReportingConfiguration;
import de.jcup.sarif_2_1_0.model.ReportingDescriptorReference;
import de.jcup.sarif_2_1_0.model.Result;
import de.jcup.sarif_2_1_0.model.Role;
import de.jcup.sarif_2_1_0.model.Run;
import de.jcup.sarif_2_1_0.model.SarifSchema210;
import de.jcup.sarif_2_1_0.model.Suppression;
import de.jcup.sarif_2_1_0.model.ThreadFlow;
import de.jcup.sarif_2_1_0.model.ThreadFlowLocation;
import de.jcup.sarif_2_1_0.model.Tool;
import de.jcup.sarif_2_1_0.model.ToolComponent;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The SARIF 2.1.0 output of {@code cemap scan --format sarif}, shaped for GitHub code scanning:
 * URIs relative to {@code %SRCROOT%}, full rule metadata, partial fingerprints, code flows.
 * Nothing in it varies between two runs over the same input (no times, no machine names), so
 * the output can be compared byte for byte.
 */
public final class SarifReport {

    static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String SOURCE_ROOT_ID = "%SRCROOT%";

    private final Report report;
    private final ReportPaths paths;
    private final SarifRules rules;
    private final Map<Path, ArtifactEntry> artifacts;

    private SarifReport(Report report) {
        this.report = report;
        this.paths = report.paths();
        this.rules = new SarifRules(report.rules(),
                report.results().stream().map(ReportedResult::finding).toList(), report.docs());
        this.artifacts = indexArtifacts();
    }

    /** The SARIF log of a scan's findings as they are, as UTF-8 JSON bytes. */
    public static byte[] toBytes(ScanReport report, List<Rule> rules) {
        return toBytes(Report.of(report, rules));
    }

    /** The SARIF log as UTF-8 JSON bytes. */
    public static byte[] toBytes(Report report) {
        return SarifJson.toBytes(new SarifReport(report).log());
    }

    private SarifSchema210 log() {
        SarifSchema210 log = new SarifSchema210();
        log.set$schema(URI.create(SCHEMA_URI));
        log.setVersion(SarifSchema210.Version._2_1_0);
        log.setRuns(List.of(run()));
        return log;
    }

    private Run run() {
        Run run = new Run();
        run.setTool(tool());
        OriginalUriBaseIds baseIds = new OriginalUriBaseIds();
        ArtifactLocation rootLocation = new ArtifactLocation();
        rootLocation.setUri(paths.rootUri());
        baseIds.setAdditionalProperty(SOURCE_ROOT_ID, rootLocation);
        run.setOriginalUriBaseIds(baseIds);
        run.setArtifacts(artifactList());
        run.setResults(report.results().stream().map(this::result).toList());
        run.setInvocations(List.of(invocation()));
        // SourceLocation columns count Java chars, that is UTF-16 code units.
        run.setColumnKind(Run.ColumnKind.UTF_16_CODE_UNITS);
        return run;
    }

    private Tool tool() {
        ToolComponent driver = new ToolComponent();
        driver.setName(ToolInfo.NAME);
        driver.setVersion(ToolInfo.version());
        driver.setSemanticVersion(ToolInfo.version());
        driver.setRules(rules.descriptors());
        Tool tool = new Tool();
        tool.setDriver(driver);
        return tool;
    }

    private Result result(ReportedResult reported) {
        Finding finding = reported.finding();
        Result result = new Result();
        result.setRuleId(finding.ruleId());
        result.setRuleIndex(rules.indexOf(finding.ruleId()));
        result.setLevel(Result.Level.fromValue(finding.level().sarifName()));
        result.setMessage(message(finding.message()));
        result.setLocations(List.of(location(finding.location(), null)));
        PartialFingerprints fingerprints = new PartialFingerprints();
        fingerprints.setAdditionalProperty(PartialFingerprint.KEY, reported.fingerprint());
        result.setPartialFingerprints(fingerprints);
        if (!finding.flow().isEmpty()) {
            result.setCodeFlows(finding.flows().stream().map(this::codeFlow).toList());
        }
        if (!finding.related().isEmpty()) {
            Set<Location> related = new java.util.LinkedHashSet<>();
            int id = 1;
            for (FlowStep step : finding.related()) {
                Location location = location(step.location(), step.message());
                location.setId(id++);
                related.add(location);
            }
            result.setRelatedLocations(related);
        }
        reported.suppression().ifPresent(suppression -> result.setSuppressions(Set.of(suppression(suppression))));
        reported.baselineState().ifPresent(state -> result.setBaselineState(Result.BaselineState.fromValue(state.sarifName())));
        return result;
    }

    /** Dashboards show a result with an in-source suppression as dismissed, with the reason. */
    private Suppression suppression(AppliedSuppression applied) {
        Suppression suppression = new Suppression();
        suppression.setKind(Suppression.Kind.IN_SOURCE);
        if (!applied.justification().isEmpty()) {
            suppression.setJustification(applied.justification());
        }
        suppression.setLocation(location(applied.location(), null));
        return suppression;
    }

    private CodeFlow codeFlow(List<FlowStep> steps) {
        List<ThreadFlowLocation> locations = new ArrayList<>(steps.size());
        for (FlowStep step : steps) {
            ThreadFlowLocation threadFlowLocation = new ThreadFlowLocation();
            threadFlowLocation.setLocation(location(step.location(), step.message()));
            locations.add(threadFlowLocation);
        }
        ThreadFlow threadFlow = new ThreadFlow();
        threadFlow.setLocations(locations);
        CodeFlow codeFlow = new CodeFlow();
        codeFlow.setThreadFlows(List.of(threadFlow));
        return codeFlow;
    }

    private Invocation invocation() {
        Invocation invocation = new Invocation();
        invocation.setExecutionSuccessful(true);
        if (!report.overrides().isEmpty()) {
            invocation.setRuleConfigurationOverrides(new LinkedHashSet<>(
                    report.overrides().stream().map(this::configurationOverride).toList()));
        }
        invocation.setToolExecutionNotifications(
                report.scan().notifications().stream().map(this::notification).toList());
        return invocation;
    }

    /** A rule turned off or set to another level by the configuration, for this run only. */
    private ConfigurationOverride configurationOverride(RuleOverride override) {
        ReportingDescriptorReference descriptor = new ReportingDescriptorReference();
        descriptor.setId(override.ruleId());
        rules.find(override.ruleId()).ifPresent(descriptor::setIndex);
        ReportingConfiguration configuration = new ReportingConfiguration();
        configuration.setEnabled(override.enabled());
        // The model presets "warning"; only a level the configuration set belongs in the override.
        configuration.setLevel(override.level()
                .map(level -> ReportingConfiguration.Level.fromValue(level.sarifName())).orElse(null));
        ConfigurationOverride sarif = new ConfigurationOverride();
        sarif.setDescriptor(descriptor);
        sarif.setConfiguration(configuration);
        return sarif;
    }

    private Notification notification(dev.cemap.analyzer.model.Notification notification) {
        Notification sarif = new Notification();
        ReportingDescriptorReference descriptor = new ReportingDescriptorReference();
        descriptor.setId(notification.id());
        sarif.setDescriptor(descriptor);
        sarif.setLevel(Notification.Level.fromValue(notification.level().sarifName()));
        sarif.setMessage(message(notification.message()));
        notification.location().ifPresent(location ->
                sarif.setLocations(new LinkedHashSet<>(List.of(location(location, null)))));
        return sarif;
    }

    private Location location(SourceLocation source, String messageText) {
        ArtifactEntry artifact = artifacts.get(key(source.file()));
        PhysicalLocation physical = new PhysicalLocation();
        physical.setArtifactLocation(artifact.reference());
        physical.setRegion(region(source));
        Location location = new Location();
        location.setPhysicalLocation(physical);
        if (messageText != null) {
            location.setMessage(message(messageText));
        }
        return location;
    }

    private static Region region(SourceLocation source) {
        Region region = new Region();
        region.setStartLine(Math.max(1, source.line()));
        region.setStartColumn(Math.max(1, source.column()));
        // An empty extent means "unknown": leaving the end out lets viewers mark the rest of the
        // line instead of an invisible zero-width region.
        boolean hasExtent = source.endLine() > source.line() || source.endColumn() > source.column();
        if (hasExtent) {
            region.setEndLine(source.endLine());
            region.setEndColumn(Math.max(1, source.endColumn()));
        }
        return region;
    }

    private static Message message(String text) {
        Message message = new Message();
        message.setText(text == null || text.isBlank() ? "(no message)" : text);
        return message;
    }

    /** Every file that a result, flow step or notification points at, sorted by URI. */
    private Map<Path, ArtifactEntry> indexArtifacts() {
        Map<Path, EnumSet<Role>> rolesByFile = new HashMap<>();
        for (ReportedResult result : report.results()) {
            Finding finding = result.finding();
            addRole(rolesByFile, finding.location(), Role.RESULT_FILE);
            finding.flows().forEach(flow -> flow.forEach(step -> addRole(rolesByFile, step.location(), Role.TRACED_FILE)));
            finding.related().forEach(step -> addRole(rolesByFile, step.location(), Role.TRACED_FILE));
            result.suppression().ifPresent(suppression ->
                    addRole(rolesByFile, suppression.location(), Role.RESULT_FILE));
        }
        for (dev.cemap.analyzer.model.Notification notification : report.scan().notifications()) {
            notification.location().ifPresent(location -> addRole(rolesByFile, location, Role.ANALYSIS_TARGET));
        }
        Map<String, Path> byUri = new TreeMap<>();
        rolesByFile.keySet().forEach(file -> byUri.putIfAbsent(uriOf(file), file));
        Map<Path, ArtifactEntry> index = new HashMap<>();
        int next = 0;
        for (Map.Entry<String, Path> entry : byUri.entrySet()) {
            Path file = entry.getValue();
            boolean relative = paths.relativeUri(file).isPresent();
            index.put(file, new ArtifactEntry(entry.getKey(), relative, next++, rolesByFile.get(file)));
        }
        return index;
    }

    private static void addRole(Map<Path, EnumSet<Role>> rolesByFile, SourceLocation location, Role role) {
        rolesByFile.computeIfAbsent(key(location.file()), file -> EnumSet.noneOf(Role.class)).add(role);
    }

    private Set<Artifact> artifactList() {
        Set<Artifact> list = new LinkedHashSet<>();
        artifacts.values().stream()
                .sorted(Comparator.comparingInt(ArtifactEntry::index))
                .forEach(entry -> {
                    Artifact artifact = new Artifact();
                    artifact.setLocation(entry.location());
                    // Roles tell a viewer which files hold results and which only appear in flows.
                    artifact.setRoles(new LinkedHashSet<>(entry.roles()));
                    list.add(artifact);
                });
        return list;
    }

    private String uriOf(Path file) {
        return paths.relativeUri(file).orElseGet(() -> paths.absoluteUri(file));
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    /** A file in {@code run.artifacts}; files outside the root keep an absolute URI and no base. */
    private record ArtifactEntry(String uri, boolean relativeToRoot, int index, Set<Role> roles) {

        /** The artifact's own location, in {@code run.artifacts}. */
        ArtifactLocation location() {
            ArtifactLocation location = new ArtifactLocation();
            location.setUri(uri);
            if (relativeToRoot) {
                location.setUriBaseId(SOURCE_ROOT_ID);
            }
            return location;
        }

        /** A location elsewhere in the log that points back at the artifact by index. */
        ArtifactLocation reference() {
            ArtifactLocation location = location();
            location.setIndex(index);
            return location;
        }
    }
}
