package dev.cemap.cli.port;

import dev.cemap.analyzer.project.Bsp;
import dev.cemap.analyzer.project.ExecutionContext;
import dev.cemap.analyzer.project.KernelRam;
import dev.cemap.cli.port.PortingReport.Action;
import dev.cemap.cli.port.PortingReport.ModuleSection;
import dev.cemap.cli.port.PortingReport.Site;
import dev.cemap.rules.Finding;
import java.util.List;
import java.util.stream.Collectors;

/** {@code porting-report.md}: the report as text, for review tools and mail. */
public final class MarkdownPortingReport {

    private final PortingReport report;
    private final StringBuilder out = new StringBuilder();

    private MarkdownPortingReport(PortingReport report) {
        this.report = report;
    }

    public static String render(PortingReport report) {
        MarkdownPortingReport markdown = new MarkdownPortingReport(report);
        markdown.write();
        return markdown.out.toString();
    }

    private void write() {
        String from = ReportText.name(report.from());
        String to = ReportText.name(report.to());
        line("# Porting report: " + from + " → " + to);
        line("");
        line("Scanned `" + report.root().getFileName() + "`: " + report.filesAnalysed() + " source files, "
                + report.modules().size() + " modules, " + report.sites().size() + " mapping calls.");
        line("");
        line("| | |");
        line("|---|---|");
        line("| mapping calls that break on " + to + " | " + report.breakingSites() + " |");
        line("| mapping calls reported on both versions | " + report.sites().stream()
                .filter(s -> s.verdict() == PortingReport.Verdict.ALREADY_WRONG).count() + " |");
        line("| user-mode driver keys that need more windows | " + report.registryFixes().size() + " |");
        line("");
        for (Bsp bsp : report.bsps()) {
            bsp(bsp);
        }
        if (!report.registryFixes().isEmpty()) {
            line("## Registry windows for user-mode drivers");
            line("");
            for (PortingReport.RegistryFix fix : report.registryFixes()) {
                line("`" + fix.key().dll() + "` also maps " + fix.missing().stream().map(Object::toString)
                        .collect(Collectors.joining(", ")) + ":");
                line("");
                code(fix.lines());
            }
        }
        line("## Modules");
        line("");
        for (ModuleSection module : report.modules()) {
            module(module);
        }
    }

    private void bsp(Bsp bsp) {
        if (bsp.loads().isEmpty() && bsp.bibFiles().isEmpty() && bsp.otherImages().isEmpty()
                && bsp.addressTable().isEmpty()) {
            return; // a folder without build files has nothing to show
        }
        String name = report.relative(bsp.root());
        line("## BSP `" + (name.isEmpty() ? String.valueOf(bsp.root().getFileName()) : name) + "`");
        line("");
        KernelRam ram = bsp.kernelRam();
        line("### Kernel RAM");
        line("");
        List<BspTables.RamRow> rows = BspTables.kernelRam(report, bsp);
        if (rows.isEmpty()) {
            line("Unknown: " + ram.unknownReason().orElse("no RAM entries") + ".");
        } else {
            line("| entry | type | static virtual | physical | when | where |");
            line("|---|---|---|---|---|---|");
            for (BspTables.RamRow row : rows) {
                line("| " + row.name() + " | " + row.type() + " | " + row.staticVirtual() + " | " + row.physical() + " | "
                        + cell(row.when()) + " | `" + row.where() + "` |");
            }
            ram.unknownReason().ifPresent(reason -> {
                line("");
                line("Physical ranges unknown: " + reason + ".");
            });
        }
        BspTables.otherImages(report, bsp).ifPresent(others -> {
            line("");
            line("Other images (their RAM is not the kernel's): " + others + ".");
        });
        line("");
        List<BspTables.LoadRow> loads = BspTables.loads(bsp);
        if (!loads.isEmpty()) {
            line("### Drivers and their loaders");
            line("");
            line("| Dll | loaded by | registry | runs in (CE 5) | mode on " + ReportText.name(report.to())
                    + " | windows | when |");
            line("|---|---|---|---|---|---|---|");
            for (BspTables.LoadRow load : loads) {
                line("| " + load.dll() + " | " + load.loader() + " | `" + load.key() + "` | " + load.ce5Process() + " | "
                        + load.onTarget() + " | " + load.windows() + " | " + cell(load.when()) + " |");
            }
            line("");
        }
    }

    private void module(ModuleSection module) {
        line("### " + module.title());
        line("");
        for (ExecutionContext context : module.contexts()) {
            line("- runs as **" + ReportText.mode(context.mode()) + "**" + context.module().map(m -> " " + m).orElse("")
                    + ": " + context.reason());
        }
        module.module().ifPresent(m -> line("- built from `" + report.relative(m.sourcesFile()) + "` (TARGETTYPE="
                + m.type() + ")" + (module.excludedFromBuild() ? "; **not listed in a dirs file: not built**" : "")));
        line("");
        if (!module.sites().isEmpty()) {
            line("| # | call | physical | size | " + ReportText.name(report.from()) + " virtual | "
                    + ReportText.name(report.to()) + " virtual | on " + ReportText.name(report.to()) + " |");
            line("|---|---|---|---|---|---|---|");
            for (Site site : module.sites()) {
                line("| " + site.number() + " | `" + report.where(site.location()) + "` `" + cell(site.callText()) + "` | "
                        + site.physicalText() + " | " + ReportText.size(site) + " | "
                        + ReportText.placement(site.onSource()) + " | " + ReportText.placement(site.onTarget()) + " | "
                        + ReportText.verdict(site, report.to()) + " |");
            }
            line("");
        }
        findings("What breaks on " + ReportText.name(report.to()), module.sites(), Site::newOnTarget);
        findings("Reported on both versions", module.sites(), Site::onBoth);
        findings("Fixed by the port (" + ReportText.name(report.from()) + " only)", module.sites(), Site::fixedByPorting);
        if (!module.otherFindings().isEmpty()) {
            line("**Other findings on " + ReportText.name(report.to()) + "**");
            line("");
            module.otherFindings().forEach(this::finding);
            line("");
        }
        if (!module.actions().isEmpty()) {
            line("**Fix**");
            line("");
            int n = 1;
            for (Action action : module.actions()) {
                line(n++ + ". **" + action.title() + "**: " + action.explanation());
                action.snippet().ifPresent(snippet -> {
                    line("");
                    code(snippet, "   ");
                });
            }
            line("");
        }
    }

    private void findings(String heading, List<Site> sites, java.util.function.Function<Site, List<Finding>> which) {
        List<Finding> findings = sites.stream().flatMap(site -> which.apply(site).stream()).toList();
        if (findings.isEmpty()) {
            return;
        }
        line("**" + heading + "**");
        line("");
        findings.forEach(this::finding);
        line("");
    }

    private void finding(Finding finding) {
        line("- `" + report.where(finding.location()) + "` " + finding.level().sarifName() + " [" + finding.ruleId()
                + "]: " + finding.message());
    }

    private void code(String text) {
        code(text, "");
    }

    private void code(String text, String indent) {
        line(indent + "```");
        for (String codeLine : text.stripTrailing().split("\n")) {
            line(codeLine.isBlank() ? "" : indent + codeLine);
        }
        line(indent + "```");
        line("");
    }

    /** Pipes would end the table cell. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
