package dev.cemap.analyzer.frontend;

import dev.cemap.emulator.CeVersion;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The macros the CE build defines on the compiler's command line, then the {@code sources}
 * file's CDEFINES, then the user's {@code -D}s; later ones win.
 */
final class PredefinedMacros {

    private PredefinedMacros() {
    }

    static Map<String, String> of(FrontEndSettings settings, Optional<SourcesFile> sources) {
        Map<String, String> macros = new LinkedHashMap<>();
        CeVersion target = settings.target();
        String wce = "0x" + Integer.toHexString(target.wceVersion());
        macros.put("UNDER_CE", wce);
        macros.put("_WIN32_WCE", wce);
        // WINCEOSVER is the decimal spelling of the version (500, 600, 700).
        macros.put("WINCEOSVER", Integer.toHexString(target.wceVersion()));
        macros.put("_WIN32", "1");
        macros.put("WIN32", "1");
        // A compiler generation, not an exact build: only '#if _MSC_VER >= …' checks depend on it.
        macros.put("_MSC_VER", target == CeVersion.CE5 ? "1400" : "1500");
        macros.put("UNICODE", "1");
        macros.put("_UNICODE", "1");
        cpuMacros(settings.cpuMacro(), macros);
        sources.ifPresent(s -> macros.putAll(s.cdefines()));
        settings.extraDefines().forEach((name, value) -> macros.put(name, value.isEmpty() ? "1" : value));
        return macros;
    }

    /** {@code ARM} → {@code ARM}, {@code _ARM_}, {@code _M_ARM}; {@code x86} → {@code x86}, {@code _X86_}, {@code _M_IX86} … */
    private static void cpuMacros(String cpu, Map<String, String> macros) {
        macros.put(cpu, "1");
        macros.put("_" + cpu.toUpperCase(Locale.ROOT) + "_", "1");
        switch (cpu.toUpperCase(Locale.ROOT)) {
            case "ARM" -> macros.put("_M_ARM", "1");
            case "X86" -> macros.put("_M_IX86", "500");
            case "MIPS" -> macros.put("_M_MRX000", "4000");
            case "SHX" -> macros.put("_M_SH", "4");
            default -> {
            }
        }
    }
}
