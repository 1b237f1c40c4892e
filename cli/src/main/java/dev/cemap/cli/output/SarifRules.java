package dev.cemap.cli.output;

import dev.cemap.analyzer.model.Level;
import dev.cemap.rules.Finding;
import dev.cemap.rules.RuleInfo;
import de.jcup.sarif_2_1_0.model.MultiformatMessageString;
import de.jcup.sarif_2_1_0.model.PropertyBag;
import de.jcup.sarif_2_1_0.model.ReportingConfiguration;
import de.jcup.sarif_2_1_0.model.ReportingDescriptor;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code tool.driver.rules}: every registered rule in registry order, so that {@code ruleIndex}
 * values are stable between runs and a dashboard knows rules that reported nothing.
 */
final class SarifRules {

    private final List<ReportingDescriptor> descriptors = new ArrayList<>();
    private final Map<String, Integer> indexById = new LinkedHashMap<>();

    SarifRules(List<RuleInfo> rules, List<Finding> findings, RuleDocs docs) {
        for (RuleInfo info : rules) {
            ReportingDescriptor descriptor = descriptor(info);
            docs.forRule(info.id()).map(URI::create).ifPresent(descriptor::setHelpUri);
            add(info.id(), descriptor);
        }
        // A finding from a rule missing in the registry is a bug elsewhere; its result still needs
        // a descriptor to point at, or code scanning rejects the whole file.
        for (Finding finding : findings) {
            if (!indexById.containsKey(finding.ruleId())) {
                add(finding.ruleId(), unregisteredDescriptor(finding.ruleId(), finding.level()));
            }
        }
    }

    /** In index order; the library models the array as a Set, so the order must be kept. */
    Set<ReportingDescriptor> descriptors() {
        return new LinkedHashSet<>(descriptors);
    }

    int indexOf(String ruleId) {
        return indexById.get(ruleId);
    }

    Optional<Integer> find(String ruleId) {
        return Optional.ofNullable(indexById.get(ruleId));
    }

    private void add(String id, ReportingDescriptor descriptor) {
        if (indexById.putIfAbsent(id, descriptors.size()) != null) {
            throw new IllegalStateException("two rules share the id " + id);
        }
        descriptors.add(descriptor);
    }

    private static ReportingDescriptor descriptor(RuleInfo info) {
        ReportingDescriptor descriptor = new ReportingDescriptor();
        descriptor.setId(info.id());
        descriptor.setName(pascalCase(info.id()));
        descriptor.setShortDescription(text(info.summary()));
        descriptor.setFullDescription(text(info.description()));
        MultiformatMessageString help = new MultiformatMessageString();
        help.setText(MarkdownText.plain(info.help()));
        help.setMarkdown(info.help());
        descriptor.setHelp(help);
        descriptor.setDefaultConfiguration(configuration(info.level()));
        descriptor.setProperties(properties(info));
        return descriptor;
    }

    private static ReportingDescriptor unregisteredDescriptor(String id, Level level) {
        ReportingDescriptor descriptor = new ReportingDescriptor();
        descriptor.setId(id);
        descriptor.setName(pascalCase(id));
        String summary = "Reported by cemap rule " + id + ".";
        descriptor.setShortDescription(text(summary));
        descriptor.setFullDescription(text(summary + " This rule has no registered description."));
        MultiformatMessageString help = new MultiformatMessageString();
        help.setText(summary);
        help.setMarkdown(summary);
        descriptor.setHelp(help);
        descriptor.setDefaultConfiguration(configuration(level));
        PropertyBag properties = new PropertyBag();
        properties.setAdditionalProperty("problem.severity", problemSeverity(level));
        descriptor.setProperties(properties);
        return descriptor;
    }

    private static PropertyBag properties(RuleInfo info) {
        PropertyBag properties = new PropertyBag();
        Set<String> tags = new LinkedHashSet<>(List.of(info.tags()));
        if (!info.securitySeverity().isBlank()) {
            // GitHub only uses security-severity for rules tagged "security".
            tags.add("security");
        }
        properties.setTags(tags);
        properties.setAdditionalProperty("precision", info.precision());
        properties.setAdditionalProperty("problem.severity", problemSeverity(info.level()));
        if (!info.securitySeverity().isBlank()) {
            properties.setAdditionalProperty("security-severity", info.securitySeverity().strip());
        }
        return properties;
    }

    private static ReportingConfiguration configuration(Level level) {
        ReportingConfiguration configuration = new ReportingConfiguration();
        configuration.setLevel(ReportingConfiguration.Level.fromValue(level.sarifName()));
        return configuration;
    }

    /** GitHub's non-security severity scale: error, warning, recommendation. */
    static String problemSeverity(Level level) {
        return switch (level) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "recommendation";
        };
    }

    /** {@code page-offset-mismatch} becomes {@code PageOffsetMismatch}. */
    static String pascalCase(String id) {
        StringBuilder name = new StringBuilder(id.length());
        for (String word : id.split("[-_\\s]+")) {
            if (!word.isEmpty()) {
                name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        return name.toString();
    }

    private static MultiformatMessageString text(String text) {
        MultiformatMessageString message = new MultiformatMessageString();
        message.setText(text);
        return message;
    }
}
