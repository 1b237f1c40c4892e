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

    @Test
    void aRedundantReleaseAfterEitherOfTwoReleasesIsOneFinding() {
        RuleCheck.of(DoubleRelease.class).oneFindingPerLine().addSource("ohci.c",
                "#include <windows.h>",
                "#include <ceddk.h>",
                "#define OHCI_DMA_PA 0x4C000000",
                "void StopController(BOOL release)",
                "{",
                "    PHYSICAL_ADDRESS pa = { OHCI_DMA_PA, 0 };",
                "    PVOID pBuffer = MmMapIoSpace(pa, 0x4000, FALSE);",
                "    if (pBuffer == NULL)",
                "        return;",
                "    if (release) {",
                "        MmUnmapIoSpace(pBuffer, 0x4000);",
                "    } else {",
                "        VirtualFree(pBuffer, 0, MEM_RELEASE);",
                "    }",
                "    MmUnmapIoSpace(pBuffer, 0x4000); // expect: double-release",
                "}").check();
    }
}
