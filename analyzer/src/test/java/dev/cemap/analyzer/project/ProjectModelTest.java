package dev.cemap.analyzer.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cemap.analyzer.frontend.FrontEndSettings;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.emulator.CeVersion;
import dev.cemap.emulator.ExecutionMode;
import dev.cemap.emulator.PhysicalMemoryMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small BSP written to a temporary folder: every execution context and the kernel RAM answer. */
class ProjectModelTest {

    private static final FrontEndSettings CE6 = FrontEndSettings.defaults(CeVersion.CE6);

    @TempDir
    Path bsp;

    @BeforeEach
    void writeBsp() throws IOException {
        write("dirs", "DIRS=src\n");
        write("src/dirs", "DIRS=lib kernel user app orphan\n");
        write("FILES/platform.reg", """
                [HKEY_LOCAL_MACHINE\\Drivers\\BuiltIn\\Kernel]
                    "Dll"="kdrv.dll"
                [HKEY_LOCAL_MACHINE\\Drivers\\BuiltIn\\User]
                    "Dll"="udrv.dll"
                    "Flags"=dword:10
                    "IoBase"=dword:7F008000
                    "IoLen"=dword:100
                [HKEY_LOCAL_MACHINE\\Drivers\\BuiltIn\\User2]
                    "Dll"="UDRV"
                    "Flags"=dword:10
                    "MemBase"=dword:57E00000
                    "MemLen"=dword:200000
                """);
        write("FILES/config.bib", """
                MEMORY
                    NK    80100000  02000000  RAMIMAGE
                    RAM   82100000  05D00000  RAM
                    FB    87E00000  00200000  RESERVED
                """);
        write("FILES/platform.bib", """
                MODULES
                    kdrv.dll    $(_FLATRELEASEDIR)\\kdrv.dll    NK  SHK
                    helper.dll  $(_FLATRELEASEDIR)\\helper.dll  NK  SHK
                """);
        write("src/inc/addrtab_cfg.inc", """
                g_oalAddressTable
                        DCD     0x80000000, 0x50000000, 128
                        DCD     0x00000000, 0x00000000, 0
                """);
        write("src/lib/sources", "TARGETNAME=shared\nTARGETTYPE=LIBRARY\nSOURCES=shared.c\n");
        write("src/lib/shared.c", "int shared;\n");
        write("src/kernel/sources", "TARGETNAME=kdrv\nTARGETTYPE=DYNLINK\nSOURCES=kdrv.c\n"
                + "TARGETLIBS=$(_TARGETPLATROOT)\\lib\\$(_CPUINDPATH)\\shared.lib\n");
        write("src/kernel/kdrv.c", "int k;\n");
        write("src/user/sources", "TARGETNAME=udrv\nTARGETTYPE=DYNLINK\nSOURCES= \\\n    udrv.c \\\n    ..\\common\\common.c\n"
                + "SOURCELIBS=..\\lib\\obj\\shared.lib\n");
        write("src/user/udrv.c", "int u;\n");
        write("src/common/common.c", "int c;\n");
        write("src/user/sub/nested.c", "int n;\n");
        write("src/app/sources", "TARGETNAME=tool\nTARGETTYPE=PROGRAM\nSOURCES=tool.c\n");
        write("src/app/tool.c", "int t;\n");
        write("src/helper/sources", "TARGETNAME=helper\nTARGETTYPE=DYNLINK\nSOURCES=helper.c\n");
        write("src/helper/helper.c", "int h;\n");
        write("src/orphan/sources", "TARGETNAME=orphan\nTARGETTYPE=DYNLINK\nSOURCES=orphan.c\n");
        write("src/orphan/orphan.c", "int o;\n");
    }

    private void write(String relative, String text) throws IOException {
        Path file = bsp.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static List<ExecutionContext.Mode> modes(List<ExecutionContext> contexts) {
        return contexts.stream().map(ExecutionContext::mode).toList();
    }

    @Test
    void findsTheBspRootAboveAScannedDriverFolder() {
        ProjectModel model = ProjectModel.load(bsp.resolve("src/user"), CE6);
        assertThat(model.root()).isEqualTo(bsp.toAbsolutePath().normalize());
        assertThat(model.sourceFiles()).extracting(p -> p.getFileName().toString()).containsExactly("nested.c", "udrv.c");
        assertThat(model.modules()).extracting(Module::name)
                .containsExactlyInAnyOrder("shared", "kdrv", "udrv", "tool", "helper", "orphan");
    }

    @Test
    void everyKindOfExecutionContext() {
        ProjectModel model = ProjectModel.load(bsp, CE6);
        assertThat(modes(model.contextsOf(bsp.resolve("src/app/tool.c")))).containsExactly(ExecutionContext.Mode.APPLICATION);
        assertThat(modes(model.contextsOf(bsp.resolve("src/kernel/kdrv.c")))).containsExactly(ExecutionContext.Mode.KERNEL_DRIVER);
        // Two registry keys load udrv.dll: two user-mode contexts, each with its own windows.
        List<ExecutionContext> user = model.contextsOf(bsp.resolve("src/user/udrv.c"));
        assertThat(modes(user)).containsExactly(ExecutionContext.Mode.USER_DRIVER, ExecutionContext.Mode.USER_DRIVER);
        assertThat(user.get(0).windowsContain(0x7F008000L, 0x100)).isTrue();
        assertThat(user.get(0).windowsContain(0x7F008000L, 0x101)).isFalse();
        assertThat(user.get(1).windowsContain(0x57E00000L, 0x1000)).isTrue();
        assertThat(user.get(0).executionMode()).hasValue(ExecutionMode.USER);
        // A file SOURCES names in another folder belongs to that module.
        assertThat(model.moduleOf(bsp.resolve("src/common/common.c")).orElseThrow().name()).isEqualTo("udrv");
        // A file in a sub-folder belongs to the nearest sources folder.
        assertThat(model.moduleOf(bsp.resolve("src/user/sub/nested.c")).orElseThrow().name()).isEqualTo("udrv");
        // K in platform.bib without a registry key: kernel mode.
        List<ExecutionContext> helper = model.contextsOf(bsp.resolve("src/helper/helper.c"));
        assertThat(modes(helper)).containsExactly(ExecutionContext.Mode.KERNEL_DRIVER);
        assertThat(helper.get(0).reason()).contains("platform.bib");
        assertThat(modes(model.contextsOf(bsp.resolve("src/orphan/orphan.c")))).containsExactly(ExecutionContext.Mode.UNKNOWN);
        assertThat(modes(model.contextsOf(bsp.resolve("elsewhere.c")))).containsExactly(ExecutionContext.Mode.UNKNOWN);
    }

    @Test
    void aLibraryRunsInEveryModuleLinkingIt() {
        ProjectModel model = ProjectModel.load(bsp, CE6);
        List<ExecutionContext> shared = model.contextsOf(bsp.resolve("src/lib/shared.c"));
        assertThat(modes(shared)).containsExactlyInAnyOrder(ExecutionContext.Mode.KERNEL_DRIVER,
                ExecutionContext.Mode.USER_DRIVER, ExecutionContext.Mode.USER_DRIVER);
        assertThat(shared).allSatisfy(c -> assertThat(c.reason()).startsWith("shared.lib is linked into"));
    }

    @Test
    void kernelRamIsConfigBibThroughTheAddressTable() {
        ProjectModel model = ProjectModel.load(bsp, CE6);
        KernelRam ram = model.kernelRamFor(bsp.resolve("src/kernel/kdrv.c"));
        assertThat(ram.known()).isTrue();
        assertThat(ram.map().kernelRam()).extracting(PhysicalMemoryMap.Range::base).containsExactly(0x50100000L, 0x52100000L);
        assertThat(ram.overlapping(0x57000000L, 0x1000)).isPresent();
        assertThat(ram.overlapping(0x57E00000L, 0x1000)).isEmpty();
        assertThat(ram.overlapping(0x7F008000L, 0x100)).isEmpty();
    }

    @Test
    void kernelRamIsUnknownWithoutAnAddressTable() throws IOException {
        Files.delete(bsp.resolve("src/inc/addrtab_cfg.inc"));
        KernelRam ram = ProjectModel.load(bsp, CE6).kernelRamFor(bsp.resolve("src/kernel/kdrv.c"));
        assertThat(ram.known()).isFalse();
        assertThat(ram.unknownReason().orElseThrow()).contains("OEMAddressTable");
        assertThat(ram.entries()).hasSize(2);
        assertThat(ram.overlapping(0x57000000L, 0x1000)).isEmpty();
    }

    @Test
    void dirsFilesSayWhatIsBuilt() {
        ProjectModel model = ProjectModel.load(bsp, CE6);
        Module helper = model.modules().stream().filter(m -> m.name().equals("helper")).findFirst().orElseThrow();
        Module tool = model.modules().stream().filter(m -> m.name().equals("tool")).findFirst().orElseThrow();
        assertThat(model.isExcludedFromBuild(helper)).isTrue();
        assertThat(model.isExcludedFromBuild(tool)).isFalse();
    }

    @Test
    void twoBspsInOneScanKeepTheirOwnRegistries() throws IOException {
        Path other = bsp.resolve("other_bsp");
        Files.createDirectories(other.resolve("drv"));
        Files.writeString(other.resolve("platform.reg"), "[HKEY_LOCAL_MACHINE\\Drivers\\BuiltIn\\K]\n\"Dll\"=\"udrv.dll\"\n");
        Files.writeString(other.resolve("drv/sources"), "TARGETNAME=udrv\nTARGETTYPE=DYNLINK\nSOURCES=u.c\n");
        Files.writeString(other.resolve("drv/u.c"), "int u;\n");
        ProjectModel model = ProjectModel.load(bsp, CE6);
        assertThat(model.bsps()).hasSize(2);
        assertThat(modes(model.contextsOf(other.resolve("drv/u.c")))).containsExactly(ExecutionContext.Mode.KERNEL_DRIVER);
        assertThat(modes(model.contextsOf(bsp.resolve("src/user/udrv.c")))).containsOnly(ExecutionContext.Mode.USER_DRIVER);
        assertThat(model.kernelRamFor(other.resolve("drv/u.c")).known()).isFalse();
    }

    @Test
    void noBspAboveOrBelow(@TempDir Path loose) throws IOException {
        Files.writeString(loose.resolve("sources"), "TARGETNAME=app\nTARGETTYPE=PROGRAM\nSOURCES=a.c\n");
        Files.writeString(loose.resolve("a.c"), "int a;\n");
        ProjectModel model = ProjectModel.load(loose.resolve("a.c"), CE6);
        assertThat(model.root()).isEqualTo(loose.toAbsolutePath().normalize());
        assertThat(modes(model.contextsOf(loose.resolve("a.c")))).containsExactly(ExecutionContext.Mode.APPLICATION);
        assertThat(model.kernelRamFor(loose.resolve("a.c")).known()).isFalse();
    }

    @Test
    void brokenBuildFilesAreNotificationsNeverExceptions() throws IOException {
        write("FILES/platform.reg", "[unterminated\n\"x\"=dword:zz\n");
        write("FILES/config.bib", "MEMORY\n  RAM 8000 RAM\n");
        write("src/inc/addrtab_cfg.inc", "g_oalAddressTable\n    DCD 1, 2\n");
        Files.write(bsp.resolve("src/kernel/sources"), new byte[] {(byte) 0xFF, 0, 1, 2});
        write("src/dirs", "DIRS=lib missing_folder\n");
        ProjectModel model = ProjectModel.load(bsp, CE6);
        assertThat(model.notifications()).extracting(Notification::id).contains(RegistryFile.SYNTAX, BibFile.SYNTAX,
                OemAddressTable.SYNTAX, ProjectModel.DIRS_ENTRY_MISSING);
        assertThat(modes(model.contextsOf(bsp.resolve("src/user/udrv.c")))).containsOnly(ExecutionContext.Mode.UNKNOWN);
    }

    @Test
    void bootLoaderImagesNeverGiveKernelRam() throws IOException {
        write("src/bootloader/eboot/eboot.bib", """
                MEMORY
                    EBOOT    87E00000  00040000  RAMIMAGE
                    RAM      87E80000  00050000  RAM
                """);
        write("src/bootloader/xldr/xldr.bib", """
                MEMORY
                    XLDR     40200000  0000C000  RAMIMAGE
                """);
        ProjectModel model = ProjectModel.load(bsp, CE6);
        Bsp only = model.bsps().get(0);
        assertThat(only.bibFiles()).extracting(b -> b.file().getFileName().toString())
                .containsExactly("config.bib", "platform.bib");
        assertThat(only.otherImages()).extracting(b -> b.file().getFileName().toString())
                .containsExactly("eboot.bib", "xldr.bib");
        KernelRam ram = model.kernelRamFor(bsp.resolve("src/kernel/kdrv.c"));
        assertThat(ram.entries()).extracting(BibFile.MemoryEntry::name).containsExactly("NK", "RAM");
        assertThat(ram.overlapping(0x57E80000L, 0x1000)).isEmpty();
        // Nothing warns that the boot loader's physical RAM is outside the OEMAddressTable: it is no kernel RAM.
        assertThat(model.notifications()).extracting(Notification::id).doesNotContain("kernel-ram-unmapped");
    }

    @Test
    void cesysgenFilesIsTheImageOnlyWithoutFiles() throws IOException {
        write("CESYSGEN/files/config.bib", """
                MEMORY
                    RAM   82100000  01000000  RAM
                """);
        write("CESYSGEN/files/platform.reg", """
                [HKEY_LOCAL_MACHINE\\Drivers\\BuiltIn\\Copy]
                    "Dll"="copy.dll"
                """);
        ProjectModel withFiles = ProjectModel.load(bsp, CE6);
        assertThat(withFiles.bsps()).hasSize(1);
        assertThat(withFiles.bsps().get(0).otherImages()).isEmpty();
        assertThat(withFiles.bsps().get(0).drivers()).extracting(DriverKey::dll).doesNotContain("copy.dll");
        Files.delete(bsp.resolve("FILES/config.bib"));
        Files.delete(bsp.resolve("FILES/platform.bib"));
        Files.delete(bsp.resolve("FILES/platform.reg"));
        ProjectModel fromCesysgen = ProjectModel.load(bsp.resolve("src/kernel"), CE6);
        assertThat(fromCesysgen.root()).isEqualTo(bsp.toAbsolutePath().normalize());
        assertThat(fromCesysgen.kernelRamFor(bsp.resolve("src/kernel/kdrv.c")).entries()).extracting(BibFile.MemoryEntry::size)
                .containsExactly(0x01000000L);
        assertThat(fromCesysgen.bsps().get(0).drivers()).extracting(DriverKey::dll).containsExactly("copy.dll");
    }

    @Test
    void everyLoaderGivesItsModulesTheirMode() throws IOException {
        write("FILES/platform.reg", """
                [HKEY_LOCAL_MACHINE\\System\\GDI\\Drivers]
                    "Display"="lcd.dll"
                [HKEY_LOCAL_MACHINE\\Services\\Telnetd]
                    "Dll"="kdrv.dll"
                    "IoBase"=dword:7F008000
                    "IoLen"=dword:100
                [HKEY_LOCAL_MACHINE\\Software\\Microsoft\\TxtShell\\Extensions]
                    "Board"="helper.dll"
                """);
        write("src/lcd/sources", "TARGETNAME=lcd\nTARGETTYPE=DYNLINK\nSOURCES=lcd.c\n");
        write("src/lcd/lcd.c", "int l;\n");
        ProjectModel model = ProjectModel.load(bsp, CE6);
        List<ExecutionContext> display = model.contextsOf(bsp.resolve("src/lcd/lcd.c"));
        assertThat(modes(display)).containsExactly(ExecutionContext.Mode.KERNEL_DRIVER);
        assertThat(display.get(0).reason()).contains("GWES loads this display driver into the kernel (on CE 5: gwes.exe)");
        // A service is a user-mode driver of servicesd.exe: the reflector honours its windows.
        List<ExecutionContext> service = model.contextsOf(bsp.resolve("src/kernel/kdrv.c"));
        assertThat(modes(service)).containsExactly(ExecutionContext.Mode.USER_DRIVER);
        assertThat(service.get(0).windowsContain(0x7F008000L, 0x100)).isTrue();
        // A text shell extension runs in shell.exe, even with a K flag in platform.bib.
        assertThat(modes(model.contextsOf(bsp.resolve("src/helper/helper.c"))))
                .containsExactly(ExecutionContext.Mode.APPLICATION);
        assertThat(model.bsps().get(0).loads()).extracting(load -> load.loader().name())
                .containsExactly("GWES", "Services", "shell.exe");
    }

    @Test
    void buildRootsOfTheLayoutReachTheSharedCommonFolderBesideTheBsp(@TempDir Path checkout) throws IOException {
        Path common = checkout.resolve("COMMON/SRC/SOC/INC");
        Files.createDirectories(common);
        Files.writeString(common.resolve("soc_regs.h"), "#define SOC_UART_PA 0x48020000\n");
        Path board = checkout.resolve("Board");
        Files.createDirectories(board.resolve("FILES"));
        Files.createDirectories(board.resolve("SRC/DRIVERS/UART"));
        Files.writeString(board.resolve("FILES/platform.reg"), "[HKEY_LOCAL_MACHINE\\Drivers\\BuiltIn\\Uart]\n\"Dll\"=\"uart.dll\"\n");
        Files.writeString(board.resolve("SRC/DRIVERS/UART/sources"),
                "TARGETNAME=uart\nTARGETTYPE=DYNLINK\nINCLUDES=$(_PLATFORMROOT)\\common\\src\\soc\\inc\nSOURCES=uart.c\n");
        ProjectModel model = ProjectModel.load(board, CE6);
        Module uart = model.modules().get(0);
        assertThat(dev.cemap.analyzer.frontend.SourcesFile.read(uart.sourcesFile(), model.root()).orElseThrow().includeDirs())
                .containsExactly(common.toAbsolutePath().normalize());
    }
}
