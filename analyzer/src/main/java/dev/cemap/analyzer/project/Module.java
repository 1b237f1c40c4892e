package dev.cemap.analyzer.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What one {@code sources} file builds: a program, a DLL or a static library. Modules are the
 * unit a mapping call's execution context is decided for.
 *
 * @param name        TARGETNAME ({@code smdk2450_gpio}); the folder's name when it is not set
 * @param type        TARGETTYPE
 * @param folder      the folder of the {@code sources} file
 * @param sourcesFile the {@code sources} file
 * @param sourceFiles the files of SOURCES that exist, absolute
 * @param libraries   lower-case base names of the TARGETLIBS and SOURCELIBS entries
 *                    ({@code $(_TARGETPLATROOT)\lib\gpio_lib.lib} → {@code gpio_lib})
 * @param bareMetal   a boot loader, the OAL or KITL: an image of its own entry point that links
 *                    no coredll.lib (EXEENTRY/DLLENTRY, NOLIBC=1 or {@code -subsystem:native}); it
 *                    runs before the kernel or inside it, never as an application
 */
public record Module(String name, Type type, Path folder, Path sourcesFile, List<Path> sourceFiles,
        List<String> libraries, boolean bareMetal) {

    /** TARGETTYPE values that matter for the execution context. */
    public enum Type {
        /** An executable: an application, user mode. */
        PROGRAM,
        /** A DLL: a driver when a registry key loads it, kernel-mode when platform.bib says K. */
        DYNLINK,
        /** A static library: runs wherever it is linked. */
        LIBRARY,
        /** Anything else (NOTARGET, EXE of the host, unset). */
        OTHER;

        static Type of(String targetType) {
            return switch (targetType.strip().toUpperCase(Locale.ROOT)) {
                case "PROGRAM" -> PROGRAM;
                case "DYNLINK" -> DYNLINK;
                case "LIBRARY" -> LIBRARY;
                default -> OTHER;
            };
        }
    }

    public Module {
        sourceFiles = List.copyOf(sourceFiles);
        libraries = List.copyOf(libraries);
    }

    public Module(String name, Type type, Path folder, Path sourcesFile, List<Path> sourceFiles,
            List<String> libraries) {
        this(name, type, folder, sourcesFile, sourceFiles, libraries, false);
    }

    /** The file the build writes: {@code name.exe}, {@code name.dll}, {@code name.lib}. */
    public String fileName() {
        return switch (type) {
            case PROGRAM -> name + ".exe";
            case DYNLINK -> name + ".dll";
            case LIBRARY -> name + ".lib";
            case OTHER -> name;
        };
    }

    /** Whether SOURCES lists {@code file}. */
    public boolean lists(Path file) {
        return sourceFiles.contains(file.toAbsolutePath().normalize());
    }

    /** Whether TARGETLIBS or SOURCELIBS names the library {@code libraryName} (any case, {@code .lib} optional). */
    public boolean links(String libraryName) {
        String wanted = libraryName.toLowerCase(Locale.ROOT);
        return libraries.contains(wanted.endsWith(".lib") ? wanted.substring(0, wanted.length() - 4) : wanted);
    }
}
