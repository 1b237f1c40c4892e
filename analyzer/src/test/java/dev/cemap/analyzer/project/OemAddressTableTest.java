package dev.cemap.analyzer.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cemap.analyzer.frontend.FrontEnd;
import dev.cemap.analyzer.frontend.FrontEndSettings;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.emulator.CeVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OemAddressTableTest {

    private static final long MB = 0x100000L;

    @TempDir
    Path dir;

    private static List<OemAddressTable.PhysicalRange> pieces(OemAddressTable table, long va, long size) {
        List<OemAddressTable.Translation> translations = table.translations(va, size, Condition.ALWAYS);
        assertThat(translations).hasSize(1);
        return translations.get(0).pieces();
    }

    private static OemAddressTable.Row row(long va, long pa, long megabytes) {
        return new OemAddressTable.Row(va, pa, megabytes * MB, null, "g_oalAddressTable", Condition.ALWAYS);
    }

    @Test
    void armIncludeTableWithEquatesAndComments() throws IOException {
        Path inc = dir.resolve("addrtab_cfg.inc");
        Files.writeString(inc, """
                DRAM_BASE   EQU     0x50000000
                        EXPORT  g_oalAddressTable[DATA]
                ; a comment with DCD 1, 2, 3
                g_oalAddressTable
                        DCD     0x80000000, DRAM_BASE, 128      ; DRAM
                        DCD     &88000000, &70000000, 16        ; SROM
                        DCD     0x89000000, UNKNOWN_PA, 32
                        DCD     0x00000000, 0x00000000, 0
                        DCD     0x90000000, 0x10000000, 1       ; after the end
                        END
                """);
        OemAddressTable table = OemAddressTable.fromAssembly(inc);
        assertThat(table.rows()).extracting(OemAddressTable.Row::physicalBase).containsExactly(0x50000000L, 0x70000000L);
        assertThat(table.rows().get(0).location().line()).isEqualTo(5);
        assertThat(table.notifications()).extracting(Notification::id).containsExactly(OemAddressTable.SYNTAX);
        assertThat(table.notifications().get(0).location().orElseThrow().line()).isEqualTo(7);
    }

    @Test
    void cTableThroughTheFrontEndResolvesMacrosAndCasts() throws IOException {
        Files.writeString(dir.resolve("bsp_cfg.h"), "#define DRAM_PA 0x30000000\n#define DRAM_MB (64)\n");
        Path c = dir.resolve("addrtab.c");
        Files.writeString(c, """
                #include <windows.h>
                #include <oal.h>
                #include "bsp_cfg.h"
                const OAL_ADDRESS_TABLE g_oalAddressTable[] = {
                    { 0x80000000, DRAM_PA, DRAM_MB },
                    { 0x84000000, (DWORD)0x08000000, 32 * 2 },
                    { 0, 0, 0 }
                };
                """);
        OemAddressTable table = OemAddressTable.fromC(c, new FrontEnd(FrontEndSettings.defaults(CeVersion.CE6)));
        assertThat(table.rows()).containsExactly(
                new OemAddressTable.Row(0x80000000L, 0x30000000L, 64 * MB, table.rows().get(0).location(),
                        "g_oalAddressTable in addrtab.c", Condition.ALWAYS),
                new OemAddressTable.Row(0x84000000L, 0x08000000L, 64 * MB, table.rows().get(1).location(),
                        "g_oalAddressTable in addrtab.c", Condition.ALWAYS));
        assertThat(table.rows().get(1).location().line()).isEqualTo(6);
    }

    @Test
    void translatesCachedAndUncachedStaticAddresses() {
        OemAddressTable table = OemAddressTable.of(List.of(row(0x80000000L, 0x50000000L, 64),
                row(0x84000000L, 0x54000000L, 64), row(0x88000000L, 0x7E000000L, 32)));
        assertThat(table.toPhysical(0x82100000L)).hasValue(0x52100000L);
        assertThat(table.toPhysical(0xA2100000L)).hasValue(0x52100000L);
        assertThat(table.toPhysical(0x9F000000L)).isEmpty();
        // Contiguous rows give one physical range; a gap in physical addresses gives two.
        assertThat(pieces(table, 0x83F00000L, 0x200000L)).containsExactly(
                new OemAddressTable.PhysicalRange(0x53F00000L, 0x200000L));
        assertThat(pieces(table, 0x87F00000L, 0x200000L)).containsExactly(
                new OemAddressTable.PhysicalRange(0x57F00000L, 0x100000L),
                new OemAddressTable.PhysicalRange(0x7E000000L, 0x100000L));
        assertThat(table.translations(0x89F00000L, 0x200000L, Condition.ALWAYS)).isEmpty();
    }

    @Test
    void armasmConditionalsIncludesAndSeveralTables() throws IOException {
        Files.writeString(dir.resolve("memory_cfg.inc"), """
                ; Memory parts of the board
                DRAM_PA         EQU     &50000000
                        GBLL    BSP_DDR2
                BSP_DDR2        SETL    {TRUE}
                """);
        Path inc = dir.resolve("oemaddrtab_cfg.inc");
        Files.writeString(inc, """
                        INCLUDE memory_cfg.inc
                        EXPORT  g_oalAddressTable[DATA]
                g_oalAddressTable
                    [ SMDK6410_X5D
                        DCD     0x80000000, DRAM_PA, 128        ; 128 MB on the X5D module
                    |
                        DCD     0x80000000, DRAM_PA, 64         ; 64 MB
                    ]
                    IF :DEF: BSP_ONENAND
                        DCD     0x88000000, 0x20000000, 16
                    ELSE
                        DCD     0x88000000, 0x70000000, 16
                    ENDIF
                    IF BSP_DDR2
                        DCD     0x89000000, 0x7E000000, 32
                    ENDIF
                        DCD     0x00000000, 0x00000000, 0

                g_oalAddressTableDebug
                        DCD     0x80000000, DRAM_PA, 256
                        DCD     0, 0, 0
                        END
                """);
        OemAddressTable table = OemAddressTable.fromAssembly(inc);
        assertThat(table.notifications()).isEmpty();
        assertThat(table.rows()).extracting(r -> Long.toHexString(r.physicalBase()) + " " + r.sizeBytes() / MB + " "
                + r.condition()).containsExactly("50000000 128 SMDK6410_X5D", "50000000 64 !SMDK6410_X5D",
                        "20000000 16 BSP_ONENAND", "70000000 16 !BSP_ONENAND", "7e000000 32 always", "50000000 256 always");
        assertThat(table.tables()).containsExactly("g_oalAddressTable in oemaddrtab_cfg.inc",
                "g_oalAddressTableDebug in oemaddrtab_cfg.inc");
        // 0x85000000 is DRAM in the first table only with the X5D module, in the second table always.
        List<OemAddressTable.Translation> translations = table.translations(0x85000000L, 0x100000L, Condition.ALWAYS);
        assertThat(translations).extracting(t -> t.pieces().get(0).base()).containsExactly(0x55000000L);
        assertThat(translations.get(0).when()).isEqualTo(Condition.ALWAYS);
        assertThat(table.gaps(0x85000000L, 0x100000L, Condition.ALWAYS)).containsExactly(
                new OemAddressTable.Gap("g_oalAddressTable in oemaddrtab_cfg.inc", Condition.set("SMDK6410_X5D").not()));
        assertThat(table.gaps(0x85000000L, 0x100000L, Condition.set("SMDK6410_X5D"))).isEmpty();
        // 0x88100000 is 0x20100000 with OneNAND, 0x70100000 without; the debug table maps it to DRAM.
        assertThat(table.translations(0x88100000L, 0x1000L, Condition.ALWAYS)).extracting(
                t -> Long.toHexString(t.pieces().get(0).base()) + " " + t.when() + " " + t.tables().size())
                .containsExactly("20100000 BSP_ONENAND 1", "70100000 !BSP_ONENAND 1", "58100000 always 1");
    }

    @Test
    void x86TablesCountBytesAndMayNameTheSizeField() throws IOException {
        Path asm = dir.resolve("startup.asm");
        Files.writeString(asm, """
                        public      _OEMAddressTable
                _TEXT SEGMENT para public 'TEXT'
                        align 4
                _OEMAddressTable:
                        ; RAM 0x80000000 -> 0x00000000, size 64M
                        dd  80000000h,     0
                _dwOEMTotalRAM:
                        dd                              04000000h
                IFDEF   FLASH_AT_64M
                        dd  84000000h,     04000000h,   01000000h
                ENDIF
                        dd  0,              0,          0
                _TEXT ENDS
                        END
                """);
        OemAddressTable table = OemAddressTable.fromAssembly(asm);
        assertThat(table.notifications()).isEmpty();
        assertThat(table.rows()).extracting(r -> Long.toHexString(r.virtualBase()) + " " + Long.toHexString(r.physicalBase())
                + " " + Long.toHexString(r.sizeBytes()) + " " + r.condition())
                .containsExactly("80000000 0 4000000 always", "84000000 4000000 1000000 FLASH_AT_64M");
        assertThat(table.toPhysical(0x80220000L)).hasValue(0x220000L);
    }

    @Test
    void cTableRowsUnderBuildSwitchesKeepTheirConditions() throws IOException {
        Path c = dir.resolve("addrtab.c");
        Files.writeString(c, """
                #include <windows.h>
                #include <oal.h>
                const OAL_ADDRESS_TABLE g_oalAddressTable[] = {
                #ifdef BSP_DRAM_256MB
                    { 0x80000000, 0x30000000, 256 },
                #else
                    { 0x80000000, 0x30000000, 64 },
                #endif
                    { 0x90000000, 0x48000000, 16 },
                    { 0, 0, 0 }
                };
                """);
        OemAddressTable table = OemAddressTable.fromC(c, new FrontEnd(FrontEndSettings.defaults(CeVersion.CE6)));
        assertThat(table.rows()).extracting(r -> r.sizeBytes() / MB + " " + r.condition())
                .containsExactlyInAnyOrder("256 BSP_DRAM_256MB", "64 !BSP_DRAM_256MB", "16 always");
    }
}
