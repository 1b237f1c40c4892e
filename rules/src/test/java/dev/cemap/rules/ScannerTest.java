package dev.cemap.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cemap.analyzer.model.Level;
import dev.cemap.emulator.CeVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScannerTest {

    @TempDir
    Path tree;

    private ScanReport scan() {
        return new Scanner().scan(new ScanRequest(List.of(tree), CeVersion.CE6, List.of(), Map.of()));
    }

    @Test
    void filesNamingNoMappingApiAreCountedNotParsed() throws IOException {
        Files.writeString(tree.resolve("uart.c"), """
                #include <windows.h>
                void Map(void)
                {
                    PVOID pv = VirtualAlloc(NULL, 0x1000, MEM_RESERVE, PAGE_NOACCESS);
                    VirtualCopy(pv, (PVOID)(0x7F005400 >> 8), 0x100, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL);
                }
                """);
        Files.writeString(tree.resolve("strings.c"), "int Length(const char *s) { int n = 0; while (*s++) n++; return n; }\n");

        ScanReport report = scan();

        assertThat(report.filesFound()).isEqualTo(2);
        assertThat(report.filesAnalysed()).isEqualTo(1);
        assertThat(report.filesSkipped()).isEqualTo(1);
        assertThat(report.findings()).extracting(Finding::ruleId).contains("page-offset-mismatch");
        assertThat(report.notifications()).anySatisfy(n -> assertThat(n.id()).isEqualTo(Scanner.PRESCAN_SKIPPED));
    }

    @Test
    void whatIsFoundInAFileItsFolderDoesNotBuildIsANote() throws IOException {
        Files.writeString(tree.resolve("sources"), """
                TARGETNAME=uart
                TARGETTYPE=DYNLINK
                SOURCES=uart.c
                """);
        String leak = """
                #include <windows.h>
                #include <ceddk.h>
                PVOID %s(void)
                {
                    PHYSICAL_ADDRESS pa = { 0x48020000, 0 };
                    PVOID pRegs = MmMapIoSpace(pa, 0x100, FALSE);
                    return NULL;
                }
                """;
        Files.writeString(tree.resolve("uart.c"), leak.formatted("UartProbe"));
        Files.writeString(tree.resolve("uart_old.c"), leak.formatted("UartProbeOld"));

        ScanReport report = scan();

        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("mapping-leak"))
                .extracting(f -> f.location().file().getFileName().toString(), Finding::level)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("uart.c", Level.WARNING),
                        org.assertj.core.groups.Tuple.tuple("uart_old.c", Level.NOTE));
    }

    @Test
    void progressMovesThroughReadingIndexingAndAnalysing() throws IOException {
        Files.writeString(tree.resolve("maplib.c"), """
                #include <windows.h>
                PVOID MapRegs(DWORD pa) { return MmMapIoSpace(pa, 0x1000, FALSE); }
                """);
        Files.writeString(tree.resolve("timer.c"), "void TimerInit(void) { MapRegs(0x48004000); }\n");
        Files.writeString(tree.resolve("strings.c"), "int Length(const char *s) { return 0; }\n");
        List<String> seen = new ArrayList<>();
        ScanListener listener = new ScanListener() {
            @Override
            public synchronized void stage(ScanStage stage, int files) {
                seen.add(stage.label() + " " + files);
            }

            @Override
            public synchronized void fileDone(Path file) {
                seen.add(file.getFileName().toString());
            }
        };

        new Scanner(RuleRegistry.all(), 1).scan(new ScanRequest(List.of(tree), CeVersion.CE6, List.of(), Map.of()),
                listener);

        // One thread: files in the tree's order, each stage's files reported in it.
        assertThat(seen).containsExactly("reading 3", "maplib.c", "strings.c", "timer.c",
                "indexing 1", "maplib.c", "indexing 1", "timer.c",
                "analysing 3", "strings.c", "maplib.c", "timer.c");
    }

    @Test
    void aWrapperInAnotherFileIsFollowedAndReportedAtTheCall() throws IOException {
        Files.writeString(tree.resolve("maplib.c"), """
                #include <windows.h>
                PVOID MapRegs(DWORD pa, DWORD size)
                {
                    PVOID pv = VirtualAlloc(NULL, size, MEM_RESERVE, PAGE_NOACCESS);
                    if (pv != NULL && !VirtualCopy(pv, (PVOID)(pa >> 8), size, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) {
                        VirtualFree(pv, 0, MEM_RELEASE);
                        pv = NULL;
                    }
                    return pv;
                }
                """);
        Files.writeString(tree.resolve("timer.c"), """
                #include <windows.h>
                PVOID MapRegs(DWORD pa, DWORD size);
                static PVOID g_pTimer;
                void TimerInit(void)
                {
                    g_pTimer = MapRegs(0x7F006400, 0x40);
                }
                """);

        ScanReport report = scan();

        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("page-offset-mismatch");
            assertThat(finding.location().file().getFileName().toString()).isEqualTo("timer.c");
            assertThat(finding.location().line()).isEqualTo(6);
            assertThat(finding.flow()).anySatisfy(step ->
                    assertThat(step.location().file().getFileName().toString()).isEqualTo("maplib.c"));
        });
    }
}
