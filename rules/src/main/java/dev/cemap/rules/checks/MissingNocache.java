package dev.cemap.rules.checks;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.replay.CallSite;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.emulator.Ce;
import dev.cemap.emulator.Hex;
import dev.cemap.emulator.Protection;
import dev.cemap.rules.Flows;
import dev.cemap.rules.Rule;
import dev.cemap.analyzer.check.CheckerContext;
import dev.cemap.rules.RuleInfo;
import java.util.Locale;
import java.util.regex.Pattern;

@RuleInfo(
        id = "missing-nocache",
        level = Level.WARNING,
        summary = "Device registers mapped cacheable",
        description = "Device registers must be mapped uncached: PAGE_NOCACHE with VirtualCopy, cacheEnable FALSE with "
                + "MmMapIoSpace. Through the cache, writes sit in the write buffer and reads return stale values, "
                + "so status polls spin forever and commands reach the device late or not at all. Frame buffers "
                + "and memory deliberately mapped cached (larger than 64 KB, or named as buffers or memory) are "
                + "not reported.",
        help = """
                Map registers uncached:

                ```c
                VirtualCopy(pv, (PVOID)(UART_PA >> 8), PAGE_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL);
                pRegs = MmMapIoSpace(pa, sizeof(UART_REGS), FALSE);   /* cacheEnable = FALSE */
                ```
                A status register read through the cache returns the value cached by the first read; a
                write can stay in the write buffer. The symptom is a driver that hangs waiting for a bit
                that the device did set.

                cemap treats a mapping as registers when it is at most 64 KB and nothing in the call names
                a buffer or memory (FRAME, FB, BUFFER, DMA, SRAM, VIDEO, RAM, FLASH, ROM…): frame buffers
                and DMA memory are often mapped cached on purpose.
                """,
        tags = {"correctness", "wince", "memory-mapping", "performance"},
        precision = "medium")
public final class MissingNocache implements Rule {

    private static final long LARGEST_REGISTER_WINDOW = 0x10000;
    private static final Pattern MEMORY_WORDS = Pattern.compile(
            "FRAME|(?<![A-Z])FB|BUFF?ER|(?<![A-Z])BUF(?![A-Z])|DMA|SRAM|VIDEO|(?<![A-Z])V?RAM|FLASH|(?<![A-Z])ROM|SURFACE"
                    + "|IMAGE|XIP|SHARED|CACHED");

    @Override
    public void onCall(ReplayEvent event, CheckerContext context) {
        if (event instanceof ReplayEvent.Copy copy) {
            copy(copy, context);
        } else if (event instanceof ReplayEvent.MapIoSpace map) {
            map(map, context);
        }
    }

    private void copy(ReplayEvent.Copy copy, CheckerContext context) {
        if (!copy.protect().isKnown() || !copy.size().isKnown()) {
            return;
        }
        int protect = (int) copy.protect().longValue();
        if ((protect & Ce.PAGE_PHYSICAL) == 0 || Protection.isNoCache(protect)
                || Protection.virtualCopyRejection(protect).isPresent()
                || !looksLikeRegisters(copy.site(), copy.size().longValue())) {
            return;
        }
        report(context, copy.site(), "registers at " + copy.site().argument(1) + " (" + Hex.of(copy.size()
                .longValue()) + " bytes) are mapped cacheable: protection " + Hex.of(protect) + " ("
                + Protection.describe(protect) + ") lacks PAGE_NOCACHE", Flows.ofCopy(copy));
    }

    private void map(ReplayEvent.MapIoSpace map, CheckerContext context) {
        if (!map.cacheEnable().isKnown() || map.cacheEnable().longValue() == 0 || !map.size().isKnown()
                || !looksLikeRegisters(map.site(), map.size().longValue())) {
            return;
        }
        String where = map.physical().isKnown() ? "physical " + Hex.addr(map.physical().longValue())
                : map.site().argument(0);
        report(context, map.site(), "registers at " + where + " (" + Hex.of(map.size()
                .longValue()) + " bytes) are mapped cacheable: MmMapIoSpace's cacheEnable is "
                + map.site().argument(2) + "; pass FALSE", Flows.ofMap(map));
    }

    private static boolean looksLikeRegisters(CallSite site, long size) {
        if (size > LARGEST_REGISTER_WINDOW) {
            return false;
        }
        String written = String.join(" ", site.argumentTexts()).toUpperCase(Locale.ROOT);
        return !MEMORY_WORDS.matcher(written).find();
    }
}
