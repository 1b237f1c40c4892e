package dev.cemap.rules.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.model.MacroDefinition;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.analyzer.project.BspFacts;
import dev.cemap.analyzer.project.ExecutionContext;
import dev.cemap.analyzer.project.KernelRam;
import dev.cemap.analyzer.project.Module;
import dev.cemap.analyzer.replay.CallSite;
import dev.cemap.analyzer.api.ApiTable;
import dev.cemap.analyzer.check.FileFacts;
import dev.cemap.analyzer.replay.RegionOrigin;
import dev.cemap.analyzer.replay.ResourceKind;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.emulator.Ce;
import dev.cemap.emulator.CeVersion;
import dev.cemap.emulator.PhysicalMemoryMap;
import dev.cemap.rules.Finding;
import dev.cemap.rules.Rule;
import dev.cemap.rules.CheckerHarness;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The rules that read BSP facts, on hand-made replays and facts. */
class BspRulesTest {

    private static final Path FILE = Path.of("/bsp/src/drv.c").toAbsolutePath();

    private static CallSite site(String callee, int line) {
        return new CallSite(SourceLocation.of(FILE, line, 5), "Init", callee, List.of("a", "b", "c", "d"));
    }

    private static ReplayEvent.MapIoSpace map(long physical, long size, int line) {
        CallSite site = site("MmMapIoSpace", line);
        return new ReplayEvent.MapIoSpace(site, new RegionOrigin(line, site, OptionalLong.of(size),
                OptionalLong.of(Ce.MEM_RESERVE), Optional.empty(), ResourceKind.IO_MAPPING), Value.of(physical), Value.of(size), Value.of(0),
                Optional.empty());
    }

    private static ReplayEvent.Copy physicalCopy(Value source, long size, int line) {
        return new ReplayEvent.Copy(site("VirtualCopy", line), Value.unknown(), source, Value.of(size),
                Value.of(Ce.PAGE_READWRITE | Ce.PAGE_NOCACHE | Ce.PAGE_PHYSICAL), Optional.empty(), OptionalLong.empty(),
                source.isKnown(), Optional.empty());
    }

    /** Facts that put every file in one context, with the given kernel RAM. */
    private static BspFacts facts(ExecutionContext context, KernelRam ram) {
        return new BspFacts() {
            @Override
            public Optional<Module> moduleOf(Path sourceFile) {
                return Optional.empty();
            }

            @Override
            public List<ExecutionContext> contextsOf(Path sourceFile) {
                return List.of(context);
            }

            @Override
            public KernelRam kernelRamFor(Path sourceFile) {
                return ram;
            }
        };
    }

    private static List<Finding> check(Rule rule, CeVersion target, BspFacts facts, ReplayEvent... events) {
        return CheckerHarness.onEvents(rule, target, facts, FILE, events);
    }

    private static final ExecutionContext APPLICATION = new ExecutionContext(ExecutionContext.Mode.APPLICATION,
            Optional.of("tool.exe"), Optional.empty(), "TARGETTYPE=PROGRAM");
    private static final ExecutionContext KERNEL = new ExecutionContext(ExecutionContext.Mode.KERNEL_DRIVER,
            Optional.of("drv.dll"), Optional.empty(), "K flag");

    @Test
    void kernelOnlyApiInAnApplicationOnCe6Only() {
        ReplayEvent attributes = new ReplayEvent.SetAttributes(site("VirtualSetAttributes", 12), Value.unknown(),
                Value.of(0x1000), Value.of(0), Value.of(0), Optional.empty());
        ReplayEvent staticMapping = new ReplayEvent.Call(site("CreateStaticMapping", 13),
                ApiTable.standard().api("CreateStaticMapping").orElseThrow(), List.of(Value.of(0x7F0080), Value.of(0x1000)));
        BspFacts app = facts(APPLICATION, KernelRam.unknown("none"));
        assertThat(check(new KernelOnlyApi(), CeVersion.CE6, app, map(0x7F008000L, 0x100, 10),
                physicalCopy(Value.of(0x7F0080), 0x100, 11), attributes, staticMapping))
                .extracting(f -> f.location().line()).containsExactly(10, 11, 12, 13);
        assertThat(check(new KernelOnlyApi(), CeVersion.CE7, app, map(0x7F008000L, 0x100, 10))).hasSize(1);
        assertThat(check(new KernelOnlyApi(), CeVersion.CE5, app, map(0x7F008000L, 0x100, 10))).isEmpty();
        assertThat(check(new KernelOnlyApi(), CeVersion.CE6, facts(KERNEL, KernelRam.unknown("none")),
                map(0x7F008000L, 0x100, 10))).isEmpty();
        assertThat(check(new KernelOnlyApi(), CeVersion.CE6, BspFacts.NONE, map(0x7F008000L, 0x100, 10))).isEmpty();
    }

    @Test
    void physicalOnKernelRamFromConfigBibAndFromAllocPhysMem() {
        KernelRam ram = new KernelRam(PhysicalMemoryMap.empty().withKernelRam(0x52100000L, 0x5D00000L, "config.bib:10 RAM"),
                List.of(), Optional.empty());
        BspFacts bsp = facts(KERNEL, ram);
        List<Finding> findings = check(new PhysicalOnKernelRam(), CeVersion.CE5, bsp,
                map(0x57000000L, 0x1000, 20),                                          // inside RAM
                map(0x57E00000L, 0x1000, 21),                                          // reserved, above RAM
                physicalCopy(Value.of(0x57000000L >> 8), 0x1000, 22),                 // inside RAM
                physicalCopy(Value.pointingTo(new Pointee.Heap("AllocPhysMem")), 0x1000, 23),
                physicalCopy(Value.pointingTo(new Pointee.Heap("LocalAlloc")), 0x1000, 24));
        assertThat(findings).extracting(f -> f.location().line()).containsExactly(20, 22, 23);
        assertThat(findings.get(0).message()).contains("0x57000000–0x57000FFF", "config.bib:10 RAM");
        assertThat(findings.get(2).message()).contains("AllocPhysMem");
        // Unknown kernel RAM: only what the replay traced to an allocator is reported.
        assertThat(check(new PhysicalOnKernelRam(), CeVersion.CE6, facts(KERNEL, KernelRam.unknown("no table")),
                map(0x57000000L, 0x1000, 20))).isEmpty();
    }

    @Test
    void wrongConstantComparesWithWinntH() {
        SourceLocation at = SourceLocation.of(FILE, 3, 1);
        List<MacroDefinition> macros = List.of(
                new MacroDefinition("PAGE_PHYSICAL", "0x200", OptionalLong.of(0x200), at),
                new MacroDefinition("PAGE_NOCACHE", "(0x200)", OptionalLong.of(0x200), at),
                new MacroDefinition("MEM_RESERVE", "OTHER_MACRO", OptionalLong.empty(), at),
                new MacroDefinition("PAGE_SIZE", "0x2000", OptionalLong.of(0x2000), at),
                new MacroDefinition("MEM_TOP_DOWN", "0x10000L", OptionalLong.of(0x10000), at));
        assertThat(CheckerHarness.onFile(new WrongConstant(), CeVersion.CE6, new FileFacts(FILE, macros))).extracting(Finding::message).containsExactly(
                "PAGE_PHYSICAL is defined as 0x200, but CE's value is 0x400, which is PAGE_NOCACHE; every call using it "
                        + "passes the wrong flag. Remove the definition and include <windows.h>",
                "MEM_TOP_DOWN is defined as 0x10000L (0x10000), but CE's value is 0x100000; every call using it passes "
                        + "the wrong flag. Remove the definition and include <windows.h>");
    }
}
