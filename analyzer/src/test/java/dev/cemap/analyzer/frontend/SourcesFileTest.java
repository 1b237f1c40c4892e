package dev.cemap.analyzer.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.analyzer.model.SourceLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesFileTest {

    @TempDir
    Path tree;

    private Path real(String relative) throws Exception {
        Path p = tree.resolve(relative);
        Files.createDirectories(p);
        return p.toAbsolutePath().normalize();
    }

    @Test
    void resolvesTargetPlatformRootContinuationsAndRelativeFolders() throws Exception {
        Path bspInc = real("WINCE600/PLATFORM/MyBsp/SRC/INC");
        Path driverInc = real("WINCE600/PLATFORM/MyBsp/SRC/DRIVERS/Gpio/Inc");
        Path oakInc = real("WINCE600/PUBLIC/COMMON/OAK/INC");
        Parsing.write(tree, "WINCE600/PLATFORM/MyBsp/SRC/DRIVERS/Gpio/SOURCES", String.join("\r\n",
                "# GPIO driver",
                "!if \"$(BSP_NOGPIO)\" == \"1\"",
                "SKIPBUILD=1",
                "!endif",
                "TARGETNAME = gpio  # the DLL name",
                "TARGETTYPE=dynlink",
                "INCLUDES=$(INCLUDES); \\",
                "    .\\inc; \\",
                "    $(_TARGETPLATROOT)\\src\\inc; \\",
                "    $(_COMMONOAKROOT)\\inc",
                "SOURCES=gpio.c",
                ""));

        SourcesFile sources = SourcesFile.nearest(tree.resolve("WINCE600/PLATFORM/MyBsp/SRC/DRIVERS/Gpio/gpio.c"), tree)
                .orElseThrow();

        assertThat(sources.includeDirs()).containsExactly(driverInc, bspInc, oakInc);
        assertThat(sources.targetType()).isEqualTo("DYNLINK");
        assertThat(sources.targetName()).isEqualTo("gpio");
        assertThat(sources.variable("SOURCES")).contains("gpio.c");
        assertThat(sources.notifications()).isEmpty();
    }

    @Test
    void aScanOfOneBspFolderFindsThePlatformAndCeRootsBesideIt() throws Exception {
        Path socInc = real("WINCE600/PLATFORM/COMMON/SRC/SOC/OMAP35XX/INC");
        Path oakInc = real("WINCE600/PUBLIC/COMMON/OAK/INC");
        real("WINCE600/PLATFORM/MyBsp/FILES");
        Parsing.write(tree, "WINCE600/PLATFORM/MyBsp/SRC/DRIVERS/Gpio/sources", String.join("\n",
                "TARGETNAME=gpio",
                "INCLUDES=$(_PLATFORMROOT)\\common\\src\\soc\\omap35xx\\inc;$(_COMMONOAKROOT)\\inc",
                "SOURCES=gpio.c", ""));
        Path bsp = tree.resolve("WINCE600/PLATFORM/MyBsp");

        SourcesFile sources = SourcesFile.read(bsp.resolve("SRC/DRIVERS/Gpio/sources"), bsp).orElseThrow();

        assertThat(sources.includeDirs()).containsExactly(socInc, oakInc);
        assertThat(BuildRoots.forBsp(bsp.toAbsolutePath().normalize())).containsEntry("_TGTPLAT", "MyBsp")
                .containsEntry("_PLATFORMROOT", tree.resolve("WINCE600/PLATFORM").toAbsolutePath().normalize().toString())
                .containsEntry("_WINCEROOT", tree.resolve("WINCE600").toAbsolutePath().normalize().toString());
    }

    @Test
    void rootsOutsideTheTreeAndMissingFoldersAreDroppedWithANote() throws Exception {
        Path inc = real("drv/inc");
        Parsing.write(tree, "drv/sources", "TARGETTYPE=LIBRARY\n\nINCLUDES=inc;$(_PUBLICROOT)\\common\\oak\\inc;nothere;$(MYVAR)\\x\n");

        SourcesFile sources = SourcesFile.read(tree.resolve("drv/sources"), tree).orElseThrow();

        assertThat(sources.includeDirs()).containsExactly(inc);
        assertThat(sources.notifications()).extracting(Notification::id).containsOnly(SourcesFile.UNRESOLVED_ENTRY);
        assertThat(sources.notifications()).extracting(Notification::level).containsOnly(Level.NOTE);
        assertThat(sources.notifications()).extracting(Notification::message).containsExactly(
                "INCLUDES entry '$(_PUBLICROOT)\\common\\oak\\inc' ignored: $(_PUBLICROOT) is not known inside the scanned tree",
                "INCLUDES entry 'nothere' ignored: no such folder",
                "INCLUDES entry '$(MYVAR)\\x' ignored: $(MYVAR) is not known inside the scanned tree");
        assertThat(sources.notifications().get(0).location()).map(SourceLocation::line).contains(3);
    }

    @Test
    void relativeFoldersAboveTheScanRootAreFollowed() throws Exception {
        // Scanning one driver folder must still see the BSP's shared headers beside it.
        real("outside/inc");
        Parsing.write(tree, "outside/scan/drv/sources", "INCLUDES=..\\..\\inc;..\\..\\missing\n");

        SourcesFile sources = SourcesFile.read(tree.resolve("outside/scan/drv/sources"), tree.resolve("outside/scan"))
                .orElseThrow();

        assertThat(sources.includeDirs()).containsExactly(tree.resolve("outside/inc"));
        assertThat(sources.notifications()).hasSize(1);
    }

    @Test
    void cdefinesAcceptsDashAndSlashFormsQuotesAndReferences() throws Exception {
        Parsing.write(tree, "drv/sources", "BASE_DEFS=-DBSP_A\nCDEFINES=$(CDEFINES) $(BASE_DEFS) /DBSP_B=0x10 -DNAME=\"abc\""
                + " -DSTR=\\\"s\\\" -Gy -D SPACED -DUNKNOWN=$(NOPE)\n");

        SourcesFile sources = SourcesFile.read(tree.resolve("drv/sources"), tree).orElseThrow();

        assertThat(sources.cdefines()).containsExactly(Map.entry("BSP_A", "1"), Map.entry("BSP_B", "0x10"),
                Map.entry("NAME", "abc"), Map.entry("STR", "\"s\""), Map.entry("SPACED", "1"));
        assertThat(sources.notifications()).extracting(Notification::message)
                .containsExactly("CDEFINES entry 'UNKNOWN=$(NOPE)' ignored: $(NOPE) is not known");
    }

    @Test
    void theBspSourcesCmnIsReadFirstAndItsIncludePathsApply() throws Exception {
        Path bspInc = real("PLATFORM/Bsp/SRC/INC");
        Path drvInc = real("PLATFORM/Bsp/SRC/DRIVERS/Usb/inc");
        Parsing.write(tree, "PLATFORM/Bsp/sources.cmn", "_ISVINCPATH=$(_TARGETPLATROOT)\\Src\\Inc\nCDEFINES=-DBSP_COMMON\n");
        Parsing.write(tree, "PLATFORM/Bsp/SRC/DRIVERS/Usb/sources", "INCLUDES=inc\nCDEFINES=$(CDEFINES) -DUSB=1\n");

        SourcesFile sources = SourcesFile.nearest(tree.resolve("PLATFORM/Bsp/SRC/DRIVERS/Usb/usb.c"), tree).orElseThrow();

        assertThat(sources.includeDirs()).containsExactly(drvInc, bspInc);
        assertThat(sources.cdefines()).containsExactly(Map.entry("BSP_COMMON", "1"), Map.entry("USB", "1"));
    }

    @Test
    void includeDirectivesAreFollowed() throws Exception {
        Path shared = real("drv/shared");
        Parsing.write(tree, "drv/common.inc", "INCLUDES=$(INCLUDES);shared # from the include\n");
        Parsing.write(tree, "drv/sources", "!INCLUDE common.inc\nTARGETNAME=x\n");

        SourcesFile sources = SourcesFile.read(tree.resolve("drv/sources"), tree).orElseThrow();

        assertThat(sources.includeDirs()).containsExactly(shared);
    }

    @Test
    void thereIsNoSourcesFileOutsideTheScanRoot() {
        Parsing.write(tree, "sources", "TARGETNAME=above\n");
        Path drv = Parsing.write(tree, "scan/drv/a.c", "int a;\n");

        assertThat(SourcesFile.nearest(drv, tree.resolve("scan"))).isEmpty();
        assertThat(SourcesFile.nearest(drv, tree)).map(SourcesFile::targetName).contains("above");
    }
}
