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

    @TempDir
    Path dir;

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
                new OemAddressTable.Row(0x80000000L, 0x30000000L, 64, table.rows().get(0).location()),
                new OemAddressTable.Row(0x84000000L, 0x08000000L, 64, table.rows().get(1).location()));
        assertThat(table.rows().get(1).location().line()).isEqualTo(6);
    }

    @Test
    void translatesCachedAndUncachedStaticAddresses() {
        OemAddressTable table = OemAddressTable.of(List.of(
                new OemAddressTable.Row(0x80000000L, 0x50000000L, 64, null),
                new OemAddressTable.Row(0x84000000L, 0x54000000L, 64, null),
                new OemAddressTable.Row(0x88000000L, 0x7E000000L, 32, null)));
        assertThat(table.toPhysical(0x82100000L)).hasValue(0x52100000L);
        assertThat(table.toPhysical(0xA2100000L)).hasValue(0x52100000L);
        assertThat(table.toPhysical(0x9F000000L)).isEmpty();
        // Contiguous rows give one physical range; a gap in physical addresses gives two.
        assertThat(table.translate(0x83F00000L, 0x200000L)).containsExactly(
                new OemAddressTable.PhysicalRange(0x53F00000L, 0x200000L));
        assertThat(table.translate(0x87F00000L, 0x200000L)).containsExactly(
                new OemAddressTable.PhysicalRange(0x57F00000L, 0x100000L),
                new OemAddressTable.PhysicalRange(0x7E000000L, 0x100000L));
        assertThat(table.translate(0x89F00000L, 0x200000L)).isEmpty();
    }
}
