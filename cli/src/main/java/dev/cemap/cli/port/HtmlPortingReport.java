package dev.cemap.cli.port;

import dev.cemap.analyzer.model.Notification;
import dev.cemap.analyzer.project.Bsp;
import dev.cemap.analyzer.project.ExecutionContext;
import dev.cemap.analyzer.project.KernelRam;
import dev.cemap.cli.port.PortingReport.Action;
import dev.cemap.cli.port.PortingReport.ModuleSection;
import dev.cemap.cli.port.PortingReport.Site;
import dev.cemap.cli.port.PortingReport.Verdict;
import dev.cemap.rules.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code porting-report.html}: one self-contained page (inline CSS and SVG, nothing fetched) with
 * the physical and virtual memory maps as pictures, then every module with its mapping calls,
 * what breaks and the fixes to paste.
 */
public final class HtmlPortingReport {

    private static final String STYLE = loadStyle();

    private final PortingReport report;
    private final StringBuilder out = new StringBuilder();

    private HtmlPortingReport(PortingReport report) {
        this.report = report;
    }

    public static String render(PortingReport report) {
        HtmlPortingReport html = new HtmlPortingReport(report);
        html.page();
        return html.out.toString();
    }

    private void page() {
        String title = "Porting report: " + ReportText.name(report.from()) + " → " + ReportText.name(report.to());
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(e(title + " · " + report.root().getFileName())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        out.append("<header><h1>").append(e(title)).append("</h1><p class=\"subtitle\"><code>")
                .append(e(String.valueOf(report.root().getFileName()))).append("</code> · ").append(report.filesAnalysed())
                .append(" source files · ").append(report.modules().size()).append(" modules · ")
                .append(report.sites().size()).append(" mapping calls</p></header>\n");
        cards();
        navigation();
        physical();
        virtual();
        registry();
        modules();
        notifications();
        out.append("<footer>cemap · emulated addresses come from cemap's model of the CE memory manager; "
                + "every function is replayed from a fresh address space.</footer>\n</body>\n</html>\n");
    }

    private void cards() {
        long breaks = report.breakingSites();
        long both = count(Verdict.ALREADY_WRONG);
        long fine = count(Verdict.OK);
        out.append("<section class=\"cards\" id=\"summary\">\n");
        card("breaks", breaks, "mapping calls break on " + ReportText.name(report.to()));
        card("already-wrong", both, "reported on both versions");
        card("ok", fine, "mapping calls fine on " + ReportText.name(report.to()));
        card("registry", report.registryFixes().size(), "user-mode driver keys need more windows");
        out.append("</section>\n");
    }

    private void card(String kind, long number, String text) {
        out.append("<div class=\"card ").append(kind).append("\"><b>").append(number).append("</b><span>")
                .append(e(text)).append("</span></div>\n");
    }

    private long count(Verdict verdict) {
        return report.sites().stream().filter(s -> s.verdict() == verdict).count();
    }

    private void navigation() {
        out.append("<nav><a href=\"#physical\">Physical map</a> <a href=\"#virtual\">Virtual maps</a>");
        if (!report.registryFixes().isEmpty()) {
            out.append(" <a href=\"#registry\">Registry windows</a>");
        }
        out.append(" <span class=\"nav-sep\">Modules:</span>");
        for (ModuleSection module : report.modules()) {
            out.append(" <a href=\"#").append(module.anchor()).append("\" class=\"").append(worst(module)).append("\">")
                    .append(e(module.title())).append("</a>");
        }
        out.append("</nav>\n");
    }

    private void physical() {
        out.append("<section id=\"physical\">\n<h2>Physical memory</h2>\n");
        int index = 0;
        for (Bsp bsp : report.bsps()) {
            List<Site> sites = report.sites().stream().filter(s -> bsp.equals(bspOf(s))).toList();
            if (sites.isEmpty() && bsp.bibFiles().isEmpty() && bsp.loads().isEmpty() && bsp.otherImages().isEmpty()) {
                continue;
            }
            String name = report.relative(bsp.root());
            out.append("<h3>BSP <code>").append(e(name.isEmpty() ? String.valueOf(bsp.root().getFileName()) : name))
                    .append("</code></h3>\n");
            out.append("<div class=\"picture\">").append(PhysicalMapSvg.render(report, bsp, sites, "physical-map-" + index++))
                    .append("</div>\n");
            kernelRam(bsp);
        }
        out.append("</section>\n");
    }

    private Bsp bspOf(Site site) {
        Bsp best = null;
        for (Bsp bsp : report.bsps()) {
            if (site.location().file().startsWith(bsp.root())
                    && (best == null || bsp.root().getNameCount() > best.root().getNameCount())) {
                best = bsp;
            }
        }
        return best;
    }

    private void kernelRam(Bsp bsp) {
        KernelRam ram = bsp.kernelRam();
        List<BspTables.RamRow> rows = BspTables.kernelRam(report, bsp);
        if (rows.isEmpty()) {
            out.append("<p class=\"note\">Kernel RAM unknown: ").append(e(ram.unknownReason().orElse(""))).append(".</p>\n");
        } else {
            out.append("<table class=\"ram\"><thead><tr><th>config.bib entry</th><th>type</th><th>static virtual</th>")
                    .append("<th>physical</th><th>when</th><th>where</th></tr></thead><tbody>\n");
            for (BspTables.RamRow row : rows) {
                out.append("<tr><td>").append(e(row.name())).append("</td><td>").append(row.type()).append("</td><td>")
                        .append(row.staticVirtual()).append("</td><td>").append(row.physical()).append("</td><td>")
                        .append(e(row.when())).append("</td><td><code>").append(e(row.where())).append("</code></td></tr>\n");
            }
            out.append("</tbody></table>\n");
            ram.unknownReason().ifPresent(reason -> out.append("<p class=\"note\">Physical ranges unknown: ")
                    .append(e(reason)).append(".</p>\n"));
        }
        BspTables.otherImages(report, bsp).ifPresent(others -> out.append("<p class=\"note\">Other images (their RAM ")
                .append("is not the kernel's): ").append(e(others)).append(".</p>\n"));
        loads(bsp);
    }

    private void loads(Bsp bsp) {
        List<BspTables.LoadRow> loads = BspTables.loads(bsp);
        if (loads.isEmpty()) {
            return;
        }
        out.append("<details class=\"loads\"><summary>Drivers and their loaders (").append(loads.size())
                .append(")</summary>\n<table class=\"loads\"><thead><tr><th>Dll</th><th>loaded by</th><th>registry</th>")
                .append("<th>runs in (CE 5)</th><th>mode on ").append(ReportText.name(report.to()))
                .append("</th><th>windows</th><th>when</th></tr></thead><tbody>\n");
        for (BspTables.LoadRow load : loads) {
            out.append("<tr><td>").append(e(load.dll())).append("</td><td>").append(e(load.loader())).append("</td><td><code>")
                    .append(e(load.key())).append("</code></td><td>").append(e(load.ce5Process())).append("</td><td>")
                    .append(e(load.onTarget())).append("</td><td>").append(e(load.windows())).append("</td><td>")
                    .append(e(load.when())).append("</td></tr>\n");
        }
        out.append("</tbody></table>\n</details>\n");
    }

    private void virtual() {
        out.append("<section id=\"virtual\">\n<h2>Virtual memory</h2>\n<p class=\"note\">Where the emulator placed each "
                + "mapping's reservation on each version. On CE 5 a VirtualCopy cannot cross a 32 MB section "
                + "boundary (dashed lines); CE 6 and later do not enforce it.</p>\n");
        out.append("<div class=\"picture\">").append(VirtualMapSvg.render(report, report.from(), false, "virtual-map-from"))
                .append("</div>\n");
        out.append("<div class=\"picture\">").append(VirtualMapSvg.render(report, report.to(), true, "virtual-map-to"))
                .append("</div>\n</section>\n");
    }

    private void registry() {
        if (report.registryFixes().isEmpty()) {
            return;
        }
        out.append("<section id=\"registry\">\n<h2>Registry windows for user-mode drivers</h2>\n");
        for (PortingReport.RegistryFix fix : report.registryFixes()) {
            out.append("<p><code>").append(e(fix.key().dll())).append("</code> also maps ")
                    .append(e(fix.missing().stream().map(Object::toString).collect(Collectors.joining(", "))))
                    .append(". Replace the key's windows with:</p>\n<pre class=\"snippet\">").append(e(fix.lines()))
                    .append("</pre>\n");
        }
        out.append("</section>\n");
    }

    private void modules() {
        out.append("<section id=\"modules\">\n<h2>Modules</h2>\n");
        for (ModuleSection module : report.modules()) {
            module(module);
        }
        out.append("</section>\n");
    }

    private void module(ModuleSection module) {
        out.append("<article class=\"module ").append(worst(module)).append("\" id=\"").append(module.anchor()).append("\">\n");
        out.append("<h3>").append(e(module.title()));
        for (ExecutionContext context : module.contexts()) {
            out.append(" <span class=\"badge ").append(context.mode().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .append("\">").append(e(ReportText.mode(context.mode()))).append("</span>");
        }
        out.append("</h3>\n<ul class=\"contexts\">\n");
        for (ExecutionContext context : module.contexts()) {
            out.append("<li>").append(e(context.reason())).append("</li>\n");
        }
        module.module().ifPresent(m -> out.append("<li>built from <code>").append(e(report.relative(m.sourcesFile())))
                .append("</code> (TARGETTYPE=").append(m.type()).append(")")
                .append(module.excludedFromBuild() ? " — <b>not listed in a dirs file: not built</b>" : "").append("</li>\n"));
        out.append("</ul>\n");
        if (!module.sites().isEmpty()) {
            sites(module.sites());
        }
        findings("What breaks on " + ReportText.name(report.to()), module.sites(), Site::newOnTarget, "breaks");
        findings("Reported on both versions", module.sites(), Site::onBoth, "already-wrong");
        findings("Fixed by the port (" + ReportText.name(report.from()) + " only)", module.sites(), Site::fixedByPorting,
                "ok");
        if (!module.otherFindings().isEmpty()) {
            findingList("Other findings on " + ReportText.name(report.to()), module.otherFindings(), "already-wrong");
        }
        if (!module.actions().isEmpty()) {
            out.append("<h4>Fix</h4>\n<ol class=\"actions\">\n");
            for (Action action : module.actions()) {
                out.append("<li class=\"action ").append(action.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                        .append("\"><b>").append(e(action.title())).append("</b> ").append(e(action.explanation()));
                action.snippet().ifPresent(snippet -> out.append("<pre class=\"snippet\">").append(e(snippet))
                        .append("</pre>"));
                out.append("</li>\n");
            }
            out.append("</ol>\n");
        }
        out.append("</article>\n");
    }

    private void sites(List<Site> sites) {
        String from = ReportText.name(report.from());
        String to = ReportText.name(report.to());
        out.append("<table class=\"sites\"><colgroup><col class=\"c-number\"><col class=\"c-call\"><col class=\"c-physical\">")
                .append("<col class=\"c-size\"><col class=\"c-va\"><col class=\"c-va\"><col class=\"c-verdict\"></colgroup>")
                .append("<thead><tr><th>#</th><th>call</th><th>physical</th><th>size</th><th>")
                .append(from).append(" virtual</th><th>").append(to).append(" virtual</th><th>on ").append(to)
                .append("</th></tr></thead><tbody>\n");
        for (Site site : sites) {
            String verdict = site.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-');
            out.append("<tr class=\"").append(verdict).append("\"><td>").append(site.number()).append("</td><td><code>")
                    .append(e(report.where(site.location()))).append("</code><br><code class=\"call\">")
                    .append(e(site.callText())).append("</code></td><td>").append(e(site.physicalText())).append("</td><td>")
                    .append(e(ReportText.size(site))).append("</td><td>").append(e(ReportText.placement(site.onSource())))
                    .append("</td><td>").append(e(ReportText.placement(site.onTarget()))).append("</td><td><span class=\"verdict ")
                    .append(verdict).append("\">").append(e(ReportText.verdict(site, report.to()))).append("</span></td></tr>\n");
        }
        out.append("</tbody></table>\n");
    }

    private void findings(String heading, List<Site> sites, Function<Site, List<Finding>> which, String kind) {
        List<Finding> findings = sites.stream().flatMap(site -> which.apply(site).stream()).toList();
        if (!findings.isEmpty()) {
            findingList(heading, findings, kind);
        }
    }

    private void findingList(String heading, List<Finding> findings, String kind) {
        out.append("<h4>").append(e(heading)).append("</h4>\n<ul class=\"findings ").append(kind).append("\">\n");
        for (Finding finding : findings) {
            out.append("<li><code>").append(e(report.where(finding.location()))).append("</code> <span class=\"rule\">")
                    .append(e(finding.ruleId())).append("</span> ").append(e(finding.message())).append("</li>\n");
        }
        out.append("</ul>\n");
    }

    private void notifications() {
        if (report.notifications().isEmpty()) {
            return;
        }
        out.append("<section id=\"notifications\">\n<h2>Notes from the build files</h2>\n<ul class=\"notes\">\n");
        for (Notification notification : report.notifications()) {
            out.append("<li>").append(notification.location().map(l -> "<code>" + e(report.where(l)) + "</code> ").orElse(""))
                    .append(e(notification.message())).append(" <span class=\"rule\">").append(e(notification.id()))
                    .append("</span></li>\n");
        }
        out.append("</ul>\n</section>\n");
    }

    /** The worst verdict of a module's calls, as a CSS class. */
    private static String worst(ModuleSection module) {
        if (module.sites().stream().anyMatch(s -> s.verdict() == Verdict.BREAKS)) {
            return "breaks";
        }
        if (module.sites().stream().anyMatch(s -> s.verdict() == Verdict.ALREADY_WRONG)
                || !module.otherFindings().isEmpty()) {
            return "already-wrong";
        }
        return "ok";
    }

    private static String e(String text) {
        return Svg.escape(text);
    }

    private static String loadStyle() {
        try (InputStream in = HtmlPortingReport.class.getResourceAsStream("porting-report.css")) {
            if (in == null) {
                throw new IllegalStateException("porting-report.css missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
