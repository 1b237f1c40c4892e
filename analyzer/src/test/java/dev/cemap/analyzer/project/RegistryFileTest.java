package dev.cemap.analyzer.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cemap.analyzer.model.Notification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryFileTest {

    @TempDir
    Path dir;

    private RegistryFile parse(String text, Map<String, String> defines) throws IOException {
        Path file = dir.resolve("platform.reg");
        Files.writeString(file, text);
        return RegistryFile.parseAll(List.of(file), defines, Optional.of(dir));
    }

    private RegistryFile parse(String text) throws IOException {
        return parse(text, Map.of());
    }

    @Test
    void valuesOfEveryType() throws IOException {
        RegistryFile registry = parse("""
                REGEDIT4
                ; a comment
                [HKEY_LOCAL_MACHINE\\Drivers\\BuiltIn\\GPIO]
                    "Dll"="gpio.dll"            ; trailing comment
                    "Order"=dword:00000010
                    "Path"="\\\\Windows\\\\x;y \\"q\\""
                    "Raw"=hex:01,02,ff
                    "Multi"=hex(7):61,00,00,00,62,00,63,00,00,00,00,00
                    "Expand"=hex(2):25,00,00,00
                    "Four"=hex(4):10,00,00,00
                    "List"=multi_sz:"48004000", "48005000"
                    @="default"
                """);
        RegistryKey key = registry.key("HKLM\\Drivers\\BuiltIn\\gpio").orElseThrow();
        assertThat(key.value("dll").orElseThrow().strings()).containsExactly("gpio.dll");
        assertThat(key.value("Order").orElseThrow().number()).hasValue(0x10);
        assertThat(key.value("Path").orElseThrow().strings()).containsExactly("\\Windows\\x;y \"q\"");
        assertThat(key.value("Raw").orElseThrow().type()).isEqualTo(RegistryValue.Type.BINARY);
        assertThat(key.value("Multi").orElseThrow().strings()).containsExactly("a", "bc");
        assertThat(key.value("Expand").orElseThrow().strings()).containsExactly("%");
        assertThat(key.value("Four").orElseThrow().number()).hasValue(0x10);
        assertThat(key.value("List").orElseThrow().strings()).containsExactly("48004000", "48005000");
        assertThat(key.value("").orElseThrow().strings()).containsExactly("default");
        assertThat(key.value("Order").orElseThrow().location().line()).isEqualTo(5);
        assertThat(registry.notifications()).isEmpty();
    }

    @Test
    void continuationLinesJoinLongHexValues() throws IOException {
        RegistryFile registry = parse("""
                [HKEY_LOCAL_MACHINE\\Drivers\\BuiltIn\\SPI]
                    "IoBase"=hex(7):35,00,32,00,00,00,\\
                                    34,00,42,00,00,00,00,00
                    "Next"=dword:1
                """);
        RegistryKey key = registry.keys().iterator().next();
        assertThat(key.value("IoBase").orElseThrow().strings()).containsExactly("52", "4B");
        assertThat(key.value("Next").orElseThrow().location().line()).isEqualTo(4);
    }

    @Test
    void definesAndConditionsKnownFromTheBuildAreEvaluated() throws IOException {
        RegistryFile registry = parse("""
                #define ROOT HKEY_LOCAL_MACHINE\\Drivers\\BuiltIn
                #if defined(BSP_KNOWN) && BSP_KNOWN == 2
                [$(ROOT)\\Taken]
                    "Dll"="taken.dll"
                #else
                [$(ROOT)\\NotTaken]
                    "Dll"="not.dll"
                #endif
                #ifdef BSP_UNKNOWN
                [$(ROOT)\\Maybe]
                    "Dll"="maybe.dll"
                #endif
                IF BSP_KNOWN !
                [$(ROOT)\\Excluded]
                    "Dll"="excluded.dll"
                ENDIF
                """, Map.of("BSP_KNOWN", "2"));
        assertThat(registry.drivers()).extracting(DriverKey::dll).containsExactly("taken.dll", "maybe.dll");
        assertThat(registry.drivers().get(0).conditional()).isFalse();
        assertThat(registry.drivers().get(1).conditional()).isTrue();
        assertThat(registry.key("HKEY_LOCAL_MACHINE\\Drivers\\BuiltIn\\Maybe").orElseThrow().conditional()).isTrue();
    }

    @Test
    void unknownConditionsKeepBothBranchesAndPairWindowsPerBranch() throws IOException {
        RegistryFile registry = parse("""
                [HKEY_LOCAL_MACHINE\\Drivers\\BuiltIn\\SPI]
                    "Dll"="spi.dll"
                    "Flags"=dword:10
                IF BSP_SPI_DMA
                    "IoBase"=multi_sz:"52000000","4B800000"
                    "IoLen"=multi_sz:"100","100"
                ENDIF
                IF BSP_SPI_DMA !
                    "IoBase"=dword:52000000
                    "IoLen"=dword:200
                ENDIF
                    "MemBase"=dword:33C00000
                    "MemLen"=dword:400000
                """);
        DriverKey spi = registry.drivers().get(0);
        assertThat(spi.isUserMode()).isTrue();
        assertThat(spi.windows()).extracting(Window::toString).containsExactly(
                "IoBase 0x52000000–0x520000FF", "IoBase 0x4B800000–0x4B8000FF", "IoBase 0x52000000–0x520001FF",
                "MemBase 0x33C00000–0x33FFFFFF");
        assertThat(spi.windows().get(0).conditional()).isTrue();
        assertThat(spi.windows().get(3).conditional()).isFalse();
    }

    @Test
    void unequalWindowListsAreReported() throws IOException {
        RegistryFile registry = parse("""
                [HKEY_LOCAL_MACHINE\\Drivers\\BuiltIn\\Keypad]
                    "Dll"="keypad.dll"
                    "IoBase"=multi_sz:"7E00A000","7F008000"
                    "IoLen"=dword:20
                    "MemBase"=multi_sz:"zz"
                    "MemLen"=dword:10
                """);
        assertThat(registry.drivers().get(0).windows()).extracting(Window::base).containsExactly(0x7E00A000L);
        assertThat(registry.notifications()).extracting(Notification::id)
                .containsExactly(DriverKey.WINDOWS_NOTIFICATION, DriverKey.WINDOWS_NOTIFICATION);
        assertThat(registry.notifications().get(0).message()).contains("2 entries but IoLen has 1");
    }

    @Test
    void deletionsRemoveKeysAndValues() throws IOException {
        RegistryFile registry = parse("""
                [HKEY_LOCAL_MACHINE\\Drivers\\BuiltIn\\Battery]
                    "Dll"="batt.dll"
                [HKEY_LOCAL_MACHINE\\Drivers\\BuiltIn\\Battery\\Config]
                    "Level"=dword:1
                [HKEY_LOCAL_MACHINE\\Drivers\\BuiltIn\\GPIO]
                    "Dll"="gpio.dll"
                    "Flags"=dword:10
                    "Flags"=-
                [-HKEY_LOCAL_MACHINE\\Drivers\\BuiltIn\\Battery]
                """);
        assertThat(registry.keys()).extracting(RegistryKey::leafName).containsExactly("GPIO");
        assertThat(registry.drivers().get(0).isUserMode()).isFalse();
    }

    @Test
    void platformBuilderSyntaxIsReadWithoutNotifications() throws IOException {
        RegistryFile registry = parse("""
                ; @CESYSGEN IF CE_MODULES_DEVICE
                #define PLAT_DRIVERS_DIR $(_TARGETPLATROOT)\\src\\drivers
                IF BSP_OMAP_USBOTG
                [HKEY_LOCAL_MACHINE\\Drivers\\BuiltIn\\UsbOtg]
                    "Dll"="omap_usbotg.dll"
                    "IClass"=multi_sz:"{6F40791D-300E-44E4-BC38-E0E63CA8375C}=%b",
                                      "{A32942B7-920C-486b-B0E6-92A702A99B35}"
                    "DisplayName"=mui_sz:"netmui.dll,#9003"
                ELSE BSP_OMAP_USBOTG !
                [HKEY_LOCAL_MACHINE\\Drivers\\BuiltIn\\UsbHost]
                    "Dll"="omap_usbh.dll"
                    "Flags"=dword:10
                ENDIF BSP_OMAP_USBOTG
                IF BSP_NOETHERNET !
                [HKEY_LOCAL_MACHINE\\Comm\\SMSC9118]
                    "ImagePath"="smsc9118.dll"
                ENDIF BSP_NOETHERNET !
                IF LOCALE=0411
                [-HKEY_LOCAL_MACHINE\\Comm\\SMSC9118]
                ENDIF
                """);
        assertThat(registry.notifications()).isEmpty();
        RegistryKey otg = registry.key("HKLM\\Drivers\\BuiltIn\\UsbOtg").orElseThrow();
        assertThat(otg.condition()).hasToString("BSP_OMAP_USBOTG");
        assertThat(otg.value("IClass").orElseThrow().strings()).hasSize(2);
        assertThat(otg.value("DisplayName").orElseThrow().strings()).containsExactly("netmui.dll,#9003");
        assertThat(registry.key("HKLM\\Drivers\\BuiltIn\\UsbHost").orElseThrow().condition())
                .hasToString("!BSP_OMAP_USBOTG");
        // A deletion under a condition leaves the key where the condition does not hold.
        assertThat(registry.key("HKLM\\Comm\\SMSC9118").orElseThrow().condition())
                .hasToString("!BSP_NOETHERNET && LOCALE!=0411");
        assertThat(registry.drivers()).extracting(DriverKey::dll).containsExactly("omap_usbotg.dll", "omap_usbh.dll");
        assertThat(registry.drivers().get(1).condition()).hasToString("!BSP_OMAP_USBOTG");
    }

    @Test
    void malformedLinesAreNotificationsWithFileAndLine() throws IOException {
        RegistryFile registry = parse("""
                "Orphan"=dword:1
                [HKEY_LOCAL_MACHINE\\Drivers\\BuiltIn\\X]
                    "Dll"="x.dll"
                    "Bad"=dword:123456789
                    "Open"="no end
                    "Hex"=hex:1,zz
                    garbage here
                    "Multi"=multi_sz:"a" "b"
                #if
                #endif
                #endif
                #bogus
                """);
        List<Notification> notes = registry.notifications();
        assertThat(notes).extracting(Notification::id).containsOnly(RegistryFile.SYNTAX);
        assertThat(notes).extracting(n -> n.location().orElseThrow().line())
                .containsExactlyInAnyOrder(1, 4, 5, 6, 7, 8, 11, 12);
        assertThat(notes).allSatisfy(n -> assertThat(n.location().orElseThrow().file().getFileName().toString())
                .isEqualTo("platform.reg"));
        assertThat(registry.drivers()).extracting(DriverKey::dll).containsExactly("x.dll");
    }

    @Test
    void includesAreReadOnceAndMissingOnesAreNoted() throws IOException {
        Files.createDirectories(dir.resolve("src/drivers/spi"));
        Files.writeString(dir.resolve("src/drivers/spi/SPI.REG"), """
                [HKEY_LOCAL_MACHINE\\Drivers\\BuiltIn\\SPI]
                    "Dll"="spi.dll"
                """);
        Path platform = dir.resolve("platform.reg");
        Files.writeString(platform, """
                #include "$(_TARGETPLATROOT)\\SRC\\Drivers\\spi\\spi.reg"
                #include "spi.reg"
                #include "$(_FLATRELEASEDIR)\\missing.reg"
                """);
        RegistryFile registry = RegistryFile.parseAll(List.of(platform, dir.resolve("src/drivers/spi/SPI.REG")), Map.of(),
                Optional.of(dir));
        assertThat(registry.drivers()).extracting(DriverKey::dll).containsExactly("spi.dll");
        assertThat(registry.notifications()).extracting(Notification::id)
                .containsExactly(BuildFileReader.INCLUDE_MISSING, BuildFileReader.INCLUDE_MISSING);
    }

    @Test
    void unreadableAndBinaryFilesDoNotThrow() throws IOException {
        Path binary = dir.resolve("blob.reg");
        Files.write(binary, new byte[] {0, 1, 2, (byte) 0xFF, (byte) 0xFE, '[', '\n', '"', '='});
        RegistryFile registry = RegistryFile.parse(binary, Map.of());
        assertThat(registry.drivers()).isEmpty();
        RegistryFile missing = RegistryFile.parse(dir.resolve("nothing.reg"), Map.of());
        assertThat(missing.notifications()).extracting(Notification::id).containsExactly(BuildFileReader.UNREADABLE);
    }

    @Test
    void utf16RegeditExportsAreDecoded() throws IOException {
        Path file = dir.resolve("export.reg");
        byte[] text = "Windows Registry Editor Version 5.00\r\n[HKLM\\Drivers\\BuiltIn\\A]\r\n\"Dll\"=\"a.dll\"\r\n"
                .getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[text.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(text, 0, withBom, 2, text.length);
        Files.write(file, withBom);
        assertThat(RegistryFile.parse(file, Map.of()).drivers()).extracting(DriverKey::dll).containsExactly("a.dll");
    }

    @Test
    void driverKeysMatchModulesByDllName() throws IOException {
        DriverKey key = parse("""
                [HKEY_LOCAL_MACHINE\\Drivers\\BuiltIn\\GPIO]
                    "Dll"="\\\\Windows\\\\Cobalt_GPIO.DLL"
                """).drivers().get(0);
        assertThat(key.loads("cobalt_gpio")).isTrue();
        assertThat(key.loads("COBALT_GPIO.dll")).isTrue();
        assertThat(key.loads("cobalt")).isFalse();
    }
}
