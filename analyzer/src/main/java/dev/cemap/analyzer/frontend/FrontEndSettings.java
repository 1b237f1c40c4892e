package dev.cemap.analyzer.frontend;

import dev.cemap.emulator.CeVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the preprocessor sees besides the sources themselves.
 *
 * @param target           the OS version; sets {@code _WIN32_WCE} and {@code WINCEOSVER}
 * @param cpuMacro         the CPU family as the CE build names it ({@code ARM}, {@code x86}, {@code MIPS},
 *                         {@code SHx}); defines both {@code NAME} and {@code _NAME_}; {@code null} or blank
 *                         means {@code ARM}
 * @param extraIncludeDirs {@code -I} folders, searched after the folders of the {@code sources} file;
 *                         {@code null} means none
 * @param extraDefines     {@code -D} macros; they override the predefined ones and {@code CDEFINES}; an
 *                         empty value means {@code 1}, as with {@code cl /DNAME};
 *                         {@code null} means none
 */
public record FrontEndSettings(CeVersion target, String cpuMacro, List<Path> extraIncludeDirs,
        Map<String, String> extraDefines) {

    public FrontEndSettings {
        Objects.requireNonNull(target, "target");
        cpuMacro = cpuMacro == null || cpuMacro.isBlank() ? "ARM" : cpuMacro.trim();
        extraIncludeDirs = extraIncludeDirs == null ? List.of() : List.copyOf(extraIncludeDirs);
        extraDefines = extraDefines == null ? Map.of() : Map.copyOf(extraDefines);
    }

    /** ARM, no extra folders or macros: the usual CE device. */
    public static FrontEndSettings defaults(CeVersion target) {
        return new FrontEndSettings(target, "ARM", List.of(), Map.of());
    }
}
