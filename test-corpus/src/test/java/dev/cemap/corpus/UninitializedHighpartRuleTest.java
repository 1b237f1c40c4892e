package dev.cemap.corpus;

import dev.cemap.rules.checks.UninitializedHighpart;
import org.junit.jupiter.api.Test;

/** uninitialized-highpart follows what each path set of a PHYSICAL_ADDRESS. */
class UninitializedHighpartRuleTest {

    @Test
    void onlyThePathThatNeverSetsHighPartIsReported() {
        RuleCheck.of(UninitializedHighpart.class).addSource("gpt.c",
                "#include <windows.h>",
                "#include <ceddk.h>",
                "PVOID MapTimer(BOOL second)",
                "{",
                "    PHYSICAL_ADDRESS pa;",
                "    PVOID p;",
                "    pa.LowPart = 0x48318000;",
                "    if (second) {",
                "        pa.HighPart = 0;",
                "        p = MmMapIoSpace(pa, 0x1000, FALSE); // ok: uninitialized-highpart",
                "    } else {",
                "        p = MmMapIoSpace(pa, 0x1000, FALSE); // expect: uninitialized-highpart {{pa.HighPart is never set}}",
                "    }",
                "    return p;",
                "}").check();
    }

    @Test
    void aStructFilledByAnUnknownCallIsNotReported() {
        RuleCheck.of(UninitializedHighpart.class).addSource("bus.c",
                "#include <windows.h>",
                "#include <ceddk.h>",
                "BOOL TranslateBusAddr(HANDLE h, INTERFACE_TYPE t, ULONG n, PHYSICAL_ADDRESS in, PULONG space,",
                "        PPHYSICAL_ADDRESS out);",
                "PVOID MapBus(HANDLE hBus)",
                "{",
                "    PHYSICAL_ADDRESS pa, bus;",
                "    ULONG space = 0;",
                "    bus.QuadPart = 0x1F000000;",
                "    if (!TranslateBusAddr(hBus, Internal, 0, bus, &space, &pa))",
                "        return NULL;",
                "    return MmMapIoSpace(pa, 0x100, FALSE); // ok: uninitialized-highpart",
                "}").check();
    }
}
