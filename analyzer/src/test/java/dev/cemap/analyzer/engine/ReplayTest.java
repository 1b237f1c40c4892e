package dev.cemap.analyzer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cemap.analyzer.FileAnalysis;
import dev.cemap.analyzer.FileAnalyzer;
import dev.cemap.analyzer.replay.DeviceWindows;
import dev.cemap.analyzer.replay.FunctionReplay;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.eval.Shape;
import dev.cemap.analyzer.frontend.FrontEnd;
import dev.cemap.analyzer.frontend.FrontEndSettings;
import dev.cemap.emulator.AreaKind;
import dev.cemap.emulator.CeVersion;
import dev.cemap.emulator.CopyFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTest {

    @TempDir
    Path folder;

    private FunctionReplay replayOnly(String fileName, String source, CeVersion target) throws IOException {
        Path file = folder.resolve(fileName);
        Files.writeString(file, source, StandardCharsets.UTF_8);
        FileAnalysis analysis = new FileAnalyzer(new FrontEnd(FrontEndSettings.defaults(target), folder), target)
                .analyze(file);
        assertThat(analysis.analysed()).as("%s", analysis.notifications()).isTrue();
        assertThat(analysis.functions()).hasSize(1);
        return analysis.functions().get(0);
    }

    private static <T extends ReplayEvent> List<T> events(FunctionReplay replay, Class<T> kind) {
        return replay.events().stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    @Test
    void followsAReservationThroughALocalIntoVirtualCopy() throws IOException {
        FunctionReplay replay = replayOnly("gpio.c", """
                #include <windows.h>
                #include <pkfuncs.h>
                #define GPIO_PA 0x56000000
                BOOL MapGpio(void)
                {
                    PVOID pv = VirtualAlloc(NULL, 0x1000, MEM_RESERVE, PAGE_NOACCESS);
                    return VirtualCopy(pv, (PVOID)(GPIO_PA >> 8), 0x1000, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL);
                }
                """, CeVersion.CE6);
        ReplayEvent.Copy copy = events(replay, ReplayEvent.Copy.class).get(0);
        assertThat(copy.source().longValue()).isEqualTo(0x560000L);
        assertThat(copy.source().shape().isPhysicalShift()).isTrue();
        assertThat(copy.protect().longValue()).isEqualTo(0x604L);
        assertThat(copy.destRegion()).isPresent();
        assertThat(copy.destAddress()).isPresent();
        assertThat(copy.outcome()).hasValueSatisfying(outcome -> assertThat(outcome.success()).isTrue());
        assertThat(copy.site().location().line()).isEqualTo(7);
        assertThat(copy.site().argument(1)).isEqualTo("(PVOID)(GPIO_PA >> 8)");
        assertThat(replay.function()).isEqualTo("MapGpio");
    }

    @Test
    void structFieldsGlobalsAndDivisionBy256() throws IOException {
        FunctionReplay replay = replayOnly("lcd.c", """
                #include <windows.h>
                typedef struct { volatile DWORD CON; volatile DWORD DAT; volatile DWORD PUD; } GPIO_REGS;
                typedef struct { GPIO_REGS *pRegs; DWORD dwSize; } DEVICE;
                DEVICE g_dev;
                void Map(void)
                {
                    g_dev.dwSize = sizeof(GPIO_REGS);
                    g_dev.pRegs = (GPIO_REGS *)VirtualAlloc(0, g_dev.dwSize, MEM_RESERVE, PAGE_NOACCESS);
                    VirtualCopy(g_dev.pRegs, (LPVOID)(0x7F005400 / 256), g_dev.dwSize, PAGE_READWRITE | PAGE_PHYSICAL);
                }
                """, CeVersion.CE6);
        ReplayEvent.Copy copy = events(replay, ReplayEvent.Copy.class).get(0);
        assertThat(copy.size().longValue()).isEqualTo(12);
        assertThat(copy.source().shape().kind()).isEqualTo(Shape.Kind.DIVIDE);
        assertThat(copy.outcome()).hasValueSatisfying(o -> assertThat(o.has(CopyFailure.PAGE_OFFSET_MISMATCH)).isTrue());
    }

    @Test
    void cppMembersAndPointerArithmeticInBytes() throws IOException {
        FunctionReplay replay = replayOnly("uart.cpp", """
                #include <windows.h>
                class CUart {
                public:
                    BOOL Init();
                private:
                    PBYTE m_pBase;
                };
                BOOL CUart::Init()
                {
                    m_pBase = (PBYTE)VirtualAlloc(NULL, 0x2000, MEM_RESERVE, PAGE_NOACCESS);
                    return VirtualCopy(this->m_pBase + 0x400, (PVOID)(0x50000400 >> 8), 0x100, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL);
                }
                """, CeVersion.CE6);
        ReplayEvent.Copy copy = events(replay, ReplayEvent.Copy.class).get(0);
        assertThat(copy.dest().pointee()).hasValueSatisfying(p ->
                assertThat(((Pointee.Region) p).offset()).hasValue(0x400));
        assertThat(copy.outcome()).hasValueSatisfying(o -> assertThat(o.success()).isTrue());
        assertThat(replay.function()).isEqualTo("CUart::Init");
    }

    @Test
    void cppConditionDeclarationOpensBothBranches() throws IOException {
        FunctionReplay replay = replayOnly("slot.cpp", """
                #include <windows.h>
                struct Slot { PBYTE regs; };
                Slot *FindSlot(DWORD index);
                BOOL MapSlot(DWORD index)
                {
                    PBYTE pv = (PBYTE)VirtualAlloc(NULL, 0x1000, MEM_RESERVE, PAGE_NOACCESS);
                    if (Slot *pSlot = FindSlot(index)) {
                        pSlot->regs = pv;
                        return VirtualCopy(pv, (PVOID)(0x48060000 >> 8), 0x1000, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL);
                    }
                    VirtualFree(pv, 0, MEM_RELEASE);
                    return FALSE;
                }
                """, CeVersion.CE6);
        assertThat(replay.diagnostics()).isEmpty();
        assertThat(events(replay, ReplayEvent.Copy.class)).hasSize(1);
        assertThat(events(replay, ReplayEvent.Free.class)).hasSize(1);
    }

    @Test
    void ce5PlacesLargeReservationsInTheSharedArea() throws IOException {
        FunctionReplay replay = replayOnly("fb.c", """
                #include <windows.h>
                void MapFrameBuffer(void)
                {
                    LPVOID pv = VirtualAlloc(NULL, 4 * 1024 * 1024, MEM_RESERVE, PAGE_NOACCESS);
                    VirtualCopy(pv, (LPVOID)(0x33800000 >> 8), 4 * 1024 * 1024, PAGE_READWRITE | PAGE_PHYSICAL);
                }
                """, CeVersion.CE5);
        ReplayEvent.Alloc alloc = events(replay, ReplayEvent.Alloc.class).get(0);
        assertThat(alloc.region().emulated()).hasValueSatisfying(p -> assertThat(p.area()).isEqualTo(AreaKind.SHARED_AREA));
    }

    @Test
    void errorBranchThatReturnsDoesNotReleaseTheMainPath() throws IOException {
        FunctionReplay replay = replayOnly("twice.c", """
                #include <windows.h>
                BOOL Map(void)
                {
                    PBYTE pv = (PBYTE)VirtualAlloc(NULL, 0x2000, MEM_RESERVE, PAGE_NOACCESS);
                    if (pv == NULL)
                        return FALSE;
                    if (!VirtualCopy(pv, (PVOID)(0x48000000 >> 8), 0x1000, PAGE_READWRITE | PAGE_PHYSICAL)) {
                        VirtualFree(pv, 0, MEM_RELEASE);
                        return FALSE;
                    }
                    return VirtualCopy(pv + 0x1000, (PVOID)(0x48100000 >> 8), 0x1000, PAGE_READWRITE | PAGE_PHYSICAL);
                }
                """, CeVersion.CE6);
        List<ReplayEvent.Copy> copies = events(replay, ReplayEvent.Copy.class);
        assertThat(copies).hasSize(2);
        assertThat(copies.get(1).outcome()).hasValueSatisfying(o -> assertThat(o.success()).as(o.reasons().toString()).isTrue());
    }

    @Test
    void heapStackAndPhysicalAddressFields() throws IOException {
        FunctionReplay replay = replayOnly("misc.c", """
                #include <windows.h>
                #include <ceddk.h>
                void Misc(void)
                {
                    BYTE buffer[64];
                    PHYSICAL_ADDRESS pa;
                    PVOID heap = LocalAlloc(LPTR, 0x1000);
                    pa.QuadPart = 0x7F005400;
                    VirtualCopy(heap, (PVOID)(0x1000), 0x1000, PAGE_READWRITE);
                    VirtualCopy(buffer, (PVOID)pa.LowPart, 0x1000, PAGE_READWRITE | PAGE_PHYSICAL);
                    MmMapIoSpace(pa, 0x100, FALSE);
                }
                """, CeVersion.CE6);
        List<ReplayEvent.Copy> copies = events(replay, ReplayEvent.Copy.class);
        assertThat(copies.get(0).dest().pointee()).containsInstanceOf(Pointee.Heap.class);
        assertThat(copies.get(1).dest().pointee()).containsInstanceOf(Pointee.Stack.class);
        assertThat(copies.get(1).source().isPhysicalAddressField()).isTrue();
        assertThat(copies.get(1).source().longValue()).isEqualTo(0x7F005400L);
        ReplayEvent.MapIoSpace map = events(replay, ReplayEvent.MapIoSpace.class).get(0);
        assertThat(map.physical().longValue()).isEqualTo(0x7F005400L);
    }

    @Test
    void loopVariablesAreForgotten() throws IOException {
        FunctionReplay replay = replayOnly("loop.c", """
                #include <windows.h>
                void MapBanks(void)
                {
                    DWORD i;
                    PBYTE pv = (PBYTE)VirtualAlloc(NULL, 0x10000, MEM_RESERVE, PAGE_NOACCESS);
                    for (i = 0; i < 16; i++) {
                        VirtualCopy(pv + i * 0x1000, (PVOID)((0x40000000 + i * 0x1000) >> 8), 0x1000, PAGE_READWRITE | PAGE_PHYSICAL);
                    }
                }
                """, CeVersion.CE6);
        ReplayEvent.Copy copy = events(replay, ReplayEvent.Copy.class).get(0);
        assertThat(copy.destAddress()).isEmpty();
        assertThat(copy.source().isKnown()).isFalse();
    }

    @Test
    void structuredExceptionHandlingKeepsBothBlocksAndLeaveExitsTheGuardedBlock() throws IOException {
        FunctionReplay replay = replayOnly("seh.c", """
                #include <windows.h>
                BOOL MapWithSeh(BOOL fail)
                {
                    PBYTE pv = (PBYTE)VirtualAlloc(NULL, 0x2000, MEM_RESERVE, PAGE_NOACCESS);
                    __try {
                        if (fail)
                            __leave;
                        VirtualCopy(pv, (PVOID)(0x48000000 >> 8), 0x1000, PAGE_READWRITE | PAGE_PHYSICAL);
                    } __finally {
                        VirtualCopy(pv + 0x1000, (PVOID)(0x48001000 >> 8), 0x1000, PAGE_READWRITE | PAGE_PHYSICAL);
                    }
                    __try {
                        VirtualFree(pv, 0, MEM_RELEASE);
                    } __except (EXCEPTION_EXECUTE_HANDLER) {
                        VirtualFree(pv, 0, MEM_RELEASE);
                    }
                    return TRUE;
                }
                """, CeVersion.CE6);
        // Each call is replayed on every path that reaches it: count the calls, not the events.
        assertThat(events(replay, ReplayEvent.Copy.class)).extracting(copy -> copy.site().location().line())
                .containsOnly(8, 10)
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(events(replay, ReplayEvent.Copy.class))
                .allSatisfy(copy -> assertThat(copy.outcome()).hasValueSatisfying(o -> assertThat(o.success()).isTrue()));
        assertThat(events(replay, ReplayEvent.Free.class)).extracting(free -> free.site().location().line())
                .containsOnly(13, 15);
    }

    @Test
    void manyIndependentBranchesStayBounded() throws IOException {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            body.append("    if (GetTickCount() & ").append(1 << (i % 30)).append(") { dw").append(i % 4)
                    .append(" = ").append(i).append("; }\n");
        }
        FunctionReplay replay = replayOnly("branches.c", """
                #include <windows.h>
                void ManyBranches(void)
                {
                    DWORD dw0 = 0, dw1 = 0, dw2 = 0, dw3 = 0;
                    PVOID pv = VirtualAlloc(NULL, 0x1000, MEM_RESERVE, PAGE_NOACCESS);
                """ + body + """
                    VirtualCopy(pv, (PVOID)(0x48000000 >> 8), 0x1000, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL);
                    VirtualFree(pv, 0, MEM_RELEASE);
                }
                """, CeVersion.CE6);
        // Paths are joined beyond the bound instead of doubling 60 times.
        assertThat(events(replay, ReplayEvent.Copy.class)).hasSizeLessThanOrEqualTo(Outcomes.MAX_PATHS);
    }

    @Test
    void aFunctionBeyondTheBudgetIsReportedIncomplete() throws IOException {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < ReplaySession.MAX_VISITS / 2 + 10; i++) {
            body.append("    dw += ").append(i).append(";\n    dw ^= 1;\n");
        }
        Path file = folder.resolve("huge.c");
        Files.writeString(file, "#include <windows.h>\nvoid Huge(void)\n{\n    DWORD dw = 0;\n"
                + "    PVOID pv = VirtualAlloc(NULL, 0x1000, MEM_RESERVE, PAGE_NOACCESS);\n" + body + "}\n");
        FileAnalysis analysis = new FileAnalyzer(new FrontEnd(FrontEndSettings.defaults(CeVersion.CE6), folder),
                CeVersion.CE6).analyze(file);
        assertThat(analysis.functions()).singleElement().satisfies(replay -> assertThat(replay.complete()).isFalse());
        assertThat(analysis.notifications()).anySatisfy(n -> assertThat(n.id()).isEqualTo("replay-budget"));
    }

    @Test
    void registryWindowsAnswerDdkRegGetWindowInfoAndRegQueryValueEx() throws IOException {
        Path file = folder.resolve("gpio_reg.c");
        Files.writeString(file, """
                #include <windows.h>
                #include <ceddk.h>
                #include <ddkreg.h>
                void MapFromRegistry(HKEY hKey)
                {
                    DDKWINDOWINFO wini;
                    DWORD dwIrqBase = 0, cb = sizeof(DWORD), type;
                    PHYSICAL_ADDRESS pa = { 0 };
                    wini.cbSize = sizeof(wini);
                    DDKReg_GetWindowInfo(hKey, &wini);
                    pa.LowPart = wini.memWindows[0].dwBase;
                    MmMapIoSpace(pa, wini.memWindows[0].dwLen, FALSE);
                    RegQueryValueEx(hKey, TEXT("IoBase"), NULL, &type, (LPBYTE)&dwIrqBase, &cb);
                    pa.LowPart = dwIrqBase;
                    MmMapIoSpace(pa, 0x100, FALSE);
                }
                """, StandardCharsets.UTF_8);
        DeviceWindows gpio = new DeviceWindows("[HKLM\\Drivers\\BuiltIn\\GPIO]",
                List.of(new DeviceWindows.Range(0x48002000L, 0x100)),
                List.of(new DeviceWindows.Range(0x48310000L, 0x1000)));
        DeviceWindows spare = new DeviceWindows("[HKLM\\Drivers\\BuiltIn\\GPIO2]", List.of(),
                List.of(new DeviceWindows.Range(0x49050000L, 0x1000)));
        FileAnalysis analysis = new FileAnalyzer(new FrontEnd(FrontEndSettings.defaults(CeVersion.CE6), folder),
                ReplaySettings.plain(CeVersion.CE6), dev.cemap.analyzer.WrapperIndex.EMPTY, f -> List.of(gpio, spare)).analyze(file);
        List<ReplayEvent.MapIoSpace> maps = analysis.functions().stream()
                .flatMap(replay -> events(replay, ReplayEvent.MapIoSpace.class).stream()).toList();
        assertThat(maps).extracting(map -> map.physical().number().orElse(-1))
                .containsExactly(0x48310000L, 0x48002000L, 0x49050000L, -1L);
        assertThat(maps.get(0).size().number()).hasValue(0x1000);
    }

    @Test
    void checkersHearOfCallsTheReplayDoesNotFollowAndOfTheValuesStoresWrite() throws IOException {
        Path file = folder.resolve("dma.c");
        Files.writeString(file, """
                #include <windows.h>
                #include <pkfuncs.h>
                typedef struct { ULONG SRC; ULONG LEN; } DESC;
                extern void StartDma(DWORD phys);
                void Fill(const BYTE *pData)
                {
                    DWORD dwPhys;
                    DESC *pDesc = (DESC *)AllocPhysMem(0x1000, PAGE_READWRITE, 0, 0, &dwPhys);
                    memcpy(pDesc, pData, 8);
                    pDesc[1].SRC = dwPhys;
                    StartDma(dwPhys);
                }
                """, StandardCharsets.UTF_8);
        List<String> heard = new java.util.ArrayList<>();
        dev.cemap.analyzer.check.Checker recorder = new dev.cemap.analyzer.check.Checker() {
            @Override
            public String id() {
                return "recorder";
            }

            @Override
            public void onOpaqueCall(dev.cemap.analyzer.check.OpaqueCall call,
                    dev.cemap.analyzer.check.CheckerContext context) {
                heard.add(call.site().callee() + " " + call.kind() + " "
                        + call.arguments().get(0).value().pointee().map(p -> p.getClass().getSimpleName()).orElse("-"));
            }

            @Override
            public void onAccess(dev.cemap.analyzer.check.Access access,
                    dev.cemap.analyzer.check.CheckerContext context) {
                heard.add(access.site().callee() + " " + access.write() + " "
                        + access.stored().pointee().map(p -> p instanceof Pointee.Heap heap && heap.physicalOf() > 0
                                ? "physical" : "other").orElse("-"));
            }
        };
        ReplaySettings settings = new ReplaySettings(CeVersion.CE6, List.of(recorder),
                dev.cemap.analyzer.api.ApiTable.standard(), dev.cemap.analyzer.summary.SummaryTable.EMPTY,
                DefinitionLookup.NONE, dev.cemap.analyzer.project.BspFacts.NONE);
        new FileAnalyzer(new FrontEnd(FrontEndSettings.defaults(CeVersion.CE6), folder), settings,
                dev.cemap.analyzer.WrapperIndex.EMPTY, f -> List.of(DeviceWindows.NONE)).analyze(file);
        assertThat(heard).containsExactly("memcpy UNKNOWN Region", "pDesc[1].SRC true physical",
                "StartDma UNKNOWN Heap");
    }
}
