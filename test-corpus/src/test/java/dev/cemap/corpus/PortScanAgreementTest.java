package dev.cemap.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cemap.cli.port.PortingAnalysis;
import dev.cemap.cli.port.PortingReport;
import dev.cemap.emulator.CeVersion;
import dev.cemap.rules.Finding;
import dev.cemap.rules.ScanRequest;
import dev.cemap.rules.Scanner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code cemap port} and {@code cemap scan} run one pipeline, so what the porting report says of
 * the target version is exactly what a scan of that version reports: on every corpus folder.
 */
class PortScanAgreementTest {

    static Stream<String> folders() {
        Set<String> folders = new TreeSet<>();
        for (Path file : Corpus.sources()) {
            folders.add(Corpus.displayName(file.getParent()));
        }
        return folders.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("folders")
    void thePortingReportSaysWhatTheScanFinds(String folder) {
        Path path = Corpus.root().resolve(folder);
        List<Finding> scanned = new Scanner().scan(new ScanRequest(List.of(path), CeVersion.CE6, List.of(), Map.of()))
                .findings();
        PortingReport report = PortingAnalysis.run(path, CeVersion.CE5, CeVersion.CE6, List.of(), Map.of());
        List<Finding> ported = report.modules().stream().flatMap(module -> Stream.concat(
                module.sites().stream().flatMap(site -> site.targetFindings().stream()),
                module.otherFindings().stream())).toList();
        assertThat(describe(ported)).isEqualTo(describe(scanned));
    }

    private static Set<String> describe(List<Finding> findings) {
        Set<String> described = new TreeSet<>();
        findings.forEach(f -> described.add(f.location() + " " + f.ruleId() + " " + f.message()));
        return described;
    }
}
