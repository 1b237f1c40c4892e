package dev.cemap.cli;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.emulator.CeVersion;
import dev.cemap.rules.Finding;
import dev.cemap.rules.FlowStep;
import dev.cemap.rules.Rule;
import dev.cemap.rules.RuleInfo;
import dev.cemap.rules.ScanReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Hand-made scan reports; no analyzer involved. */
public final class SampleReports {

    public static final String DRIVER = "drivers/my driver/map.c";
    public static final String HEADER = "inc/bsp.h";
    public static final String BROKEN = "drivers/broken.c";

    private SampleReports() {
    }

    /** Writes the file {@link #DRIVER} names under {@code root}; returns its {@code drivers} folder, the path to scan. */
    public static Path writeDriverSources(Path root) throws IOException {
        Path driver = root.resolve(DRIVER);
        Files.createDirectories(driver.getParent());
        Files.writeString(driver, "/* driver */\n");
        return root.resolve("drivers");
    }

    /** Two findings in a path with a space (one with a flow), and two notifications. */
    public static ScanReport mixed(Path root) {
        Path driver = root.resolve(DRIVER);
        Path header = root.resolve(HEADER);
        Finding offset = new Finding("sample-offset-mismatch", Level.ERROR,
                "VirtualCopy maps 0x50000 onto physical 0xC00DA800: page offsets 0x000 and 0x800 differ.",
                new SourceLocation(driver, 12, 5, 12, 58),
                List.of(new FlowStep(SourceLocation.of(driver, 10, 9),
                                "VirtualAlloc reserves 0x50000-0x5FFFF (64 KB)."),
                        new FlowStep(SourceLocation.of(header, 3, 1),
                                "REG_BASE is 0xC00DA800."),
                        new FlowStep(new SourceLocation(driver, 12, 5, 12, 58),
                                "VirtualCopy fails: offset 0x000 != 0x800.")),
                "MapRegisters/VirtualCopy#1");
        Finding leak = new Finding("sample-mapping-leak", Level.WARNING,
                "The reservation made at line 10 is not released when DeviceIoControl fails.",
                SourceLocation.of(driver, 20, 3),
                List.of(),
                "MapRegisters/VirtualAlloc#1");
        return new ScanReport(root, CeVersion.CE6, List.of(offset, leak),
                List.of(Notification.at("parse-error", Level.WARNING, SourceLocation.of(root.resolve(BROKEN), 7, 1),
                                "Syntax error; the rest of the function was not analysed."),
                        Notification.global("missing-header", Level.NOTE,
                                "Header 'bsp_cfg.h' was not found and was read as empty.")),
                4, 3);
    }

    /** Only a warning: clean with the default --fail-on error. */
    public static ScanReport warningOnly(Path root) {
        ScanReport mixed = mixed(root);
        return new ScanReport(root, CeVersion.CE6, List.of(mixed.findings().get(1)), List.of(), 1, 1);
    }

    /**
     * What rarely happens but must still give valid SARIF: a flow step in a header outside the
     * root, a non-ASCII file name, a note, a finding of a rule that is not registered, a
     * notification with the smallest possible location.
     */
    public static ScanReport edgeCases(Path root) {
        Path driver = root.resolve("pilote/mémoire #2.cpp");
        Path outside = root.resolveSibling("sdk-include/ceddk.h");
        Finding note = new Finding("sample-mapping-leak", Level.NOTE, "A note-level finding.",
                new SourceLocation(driver, 3, 1, 5, 2),
                List.of(new FlowStep(SourceLocation.of(outside, 100, 1), "MmMapIoSpace is declared here.")),
                "Open/MmMapIoSpace#1");
        Finding stray = new Finding("unregistered-rule", Level.ERROR, "A finding of an unregistered rule.",
                SourceLocation.of(driver, 9, 4), List.of(), "");
        return new ScanReport(root, CeVersion.CE5, List.of(note, stray),
                List.of(Notification.at("unreadable", Level.ERROR, SourceLocation.of(root.resolve("platform.reg"), 1, 1),
                        "The file could not be decoded.")),
                1, 1);
    }

    /** One finding per rule, at each rule's default level, so that every rule's metadata is used. */
    public static ScanReport onePerRule(Path root, List<Rule> rules) {
        Path driver = root.resolve("drivers/all_rules.c");
        List<Finding> findings = new ArrayList<>();
        int line = 1;
        for (Rule rule : rules) {
            RuleInfo info = rule.info();
            findings.add(new Finding(info.id(), info.level(), "A sample finding of " + info.id() + ".",
                    new SourceLocation(driver, line, 5, line, 20), List.of(), info.id() + "#1"));
            line += 10;
        }
        return new ScanReport(root, CeVersion.CE6, findings, List.of(), 1, 1);
    }

    public static ScanReport empty(Path root) {
        return new ScanReport(root, CeVersion.CE6, List.of(), List.of(), 2, 2);
    }
}
