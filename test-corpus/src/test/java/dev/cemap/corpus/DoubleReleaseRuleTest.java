package dev.cemap.corpus;

import dev.cemap.rules.checks.DoubleRelease;
import org.junit.jupiter.api.Test;

/** double-release follows each path's releases, also into the helpers it calls. */
class DoubleReleaseRuleTest {

    @Test
    void theCorpusCamera() {
        RuleCheck.of(DoubleRelease.class).corpusFile("release/camif_release.c").check();
    }

    @Test
    void aReleaseOnEachPathOfABranchIsOneRelease() {
        RuleCheck.of(DoubleRelease.class).addSource("gpio.c",
                "#include <windows.h>",
                "#include <ceddk.h>",
                "void Close(volatile DWORD *pRegs, BOOL early)",
                "{",
                "    if (early)",
                "        MmUnmapIoSpace((PVOID)pRegs, 0x100);",
                "    if (!early)",
                "        MmUnmapIoSpace((PVOID)pRegs, 0x100); // ok: double-release",
                "}").check();
    }
}
