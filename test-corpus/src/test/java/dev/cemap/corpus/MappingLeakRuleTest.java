package dev.cemap.corpus;

import dev.cemap.rules.checks.MappingLeak;
import org.junit.jupiter.api.Test;

/** mapping-leak on small drivers: each test is the shape of a real driver's leak or look-alike. */
class MappingLeakRuleTest {

    @Test
    void leakOnlyOnTheErrorPathThatForgetsTheRelease() {
        RuleCheck.of(MappingLeak.class).addSource("paths.c",
                "#include <windows.h>",
                "BOOL MapTwo(DWORD mode)",
                "{",
                "    PVOID pv = VirtualAlloc(NULL, 0x1000, MEM_RESERVE, PAGE_NOACCESS); // expect: mapping-leak {{MapTwo returns}}",
                "    if (pv == NULL)",
                "        return FALSE;",
                "    if (!VirtualCopy(pv, (PVOID)(0x48000000 >> 8), 0x1000, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) {",
                "        VirtualFree(pv, 0, MEM_RELEASE);",
                "        return FALSE;",
                "    }",
                "    if (mode == 2)",
                "        return FALSE;",
                "    VirtualFree(pv, 0, MEM_RELEASE);",
                "    return TRUE;",
                "}").check();
    }

    @Test
    void aHelperThatOnlyProgramsTheRegistersDoesNotTakeTheMapping() {
        RuleCheck.of(MappingLeak.class).addSource("wdt.c",
                "#include <windows.h>",
                "#include <ceddk.h>",
                "typedef struct { volatile DWORD WTCON; volatile DWORD WTDAT; volatile DWORD WTCNT; } WDT_REGS;",
                "static void ProgramWatchdog(WDT_REGS *pRegs, DWORD ticks)",
                "{",
                "    pRegs->WTDAT = ticks;",
                "    pRegs->WTCNT = ticks;",
                "    pRegs->WTCON |= 0x21;",
                "}",
                "BOOL StartWatchdog(DWORD ticks)",
                "{",
                "    PHYSICAL_ADDRESS pa = { 0x7E004000, 0 };",
                "    WDT_REGS *pRegs = (WDT_REGS *)MmMapIoSpace(pa, sizeof(WDT_REGS), FALSE); // expect: mapping-leak",
                "    if (pRegs == NULL)",
                "        return FALSE;",
                "    ProgramWatchdog(pRegs, ticks);",
                "    return TRUE;",
                "}").check();
    }

    @Test
    void aHelperThatKeepsThePointerInAGlobalTakesIt() {
        RuleCheck.of(MappingLeak.class).addSource("keep.c",
                "#include <windows.h>",
                "#include <ceddk.h>",
                "static volatile DWORD *g_pTimer;",
                "static void KeepTimer(volatile DWORD *pRegs)",
                "{",
                "    g_pTimer = pRegs;",
                "}",
                "BOOL MapTimer(void)",
                "{",
                "    PHYSICAL_ADDRESS pa = { 0x7F006000, 0 };",
                "    volatile DWORD *pRegs = (volatile DWORD *)MmMapIoSpace(pa, 0x100, FALSE); // ok: mapping-leak",
                "    if (pRegs == NULL)",
                "        return FALSE;",
                "    KeepTimer(pRegs);",
                "    return TRUE;",
                "}").check();
    }

    @Test
    void aFailingInitMustReleaseWhatItStoredInAGlobal() {
        RuleCheck.of(MappingLeak.class).addSource("kpd.c",
                "#include <windows.h>",
                "#include <ceddk.h>",
                "static volatile DWORD *g_pKeypad;",
                "static BOOL ResetKeypad(void);",
                "DWORD KPD_Init(LPCTSTR pContext, LPCVOID pBusContext)",
                "{",
                "    PHYSICAL_ADDRESS pa = { 0x7E00A000, 0 };",
                "    g_pKeypad = (volatile DWORD *)MmMapIoSpace(pa, 0x1000, FALSE); // expect: mapping-leak {{KPD_Init fails}}",
                "    if (g_pKeypad == NULL)",
                "        return 0;",
                "    if (!ResetKeypad())",
                "        return 0;",
                "    return 1;",
                "}",
                "BOOL KPD_Deinit(DWORD hContext)",
                "{",
                "    MmUnmapIoSpace((PVOID)g_pKeypad, 0x1000);",
                "    return TRUE;",
                "}").check();
    }

    @Test
    void aFunctionTooLargeToReplayClaimsNoLeak() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 20_010; i++) {
            body.append("    dw += ").append(i).append(";\n    dw ^= 1;\n");
        }
        RuleCheck.of(MappingLeak.class).addSource("huge.c",
                "#include <windows.h>",
                "void Huge(void)",
                "{",
                "    DWORD dw = 0;",
                "    PVOID pv = VirtualAlloc(NULL, 0x1000, MEM_RESERVE, PAGE_NOACCESS);",
                body.toString(),
                "}").check();
    }
}
