package dev.cemap.analyzer.frontend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The CE build's root variables ({@code $(_TARGETPLATROOT)}, {@code $(_PLATFORMROOT)},
 * {@code $(_WINCEROOT)} …) mapped onto folders. The build sets them from the environment; a scan
 * only has the checkout, so they are found by its layout, which every CE tree shares:
 *
 * <ul>
 * <li>{@code _TARGETPLATROOT}: the BSP folder, the child of a folder named {@code PLATFORM}, else the
 *     nearest folder that holds the BSP's image files ({@code FILES\platform.reg},
 *     {@code FILES\config.bib}, {@code CESYSGEN\files\…}), else the scanned folder;</li>
 * <li>{@code _PLATFORMROOT}: the folder holding the BSP, when it is named {@code PLATFORM} or holds
 *     the platforms' shared {@code COMMON} folder (a checkout of {@code PLATFORM} itself); for code
 *     inside {@code COMMON}, the folder holding it;</li>
 * <li>{@code _WINCEROOT}: the folder above {@code PLATFORM}, with {@code PUBLIC} and {@code PRIVATE}.</li>
 * </ul>
 * The shared folders lie beside the scanned BSP, not inside it: a scan of one BSP folder still
 * finds the platform's common headers and libraries next to it.
 */
public final class BuildRoots {

    /** Files that mark a BSP folder, in the folder itself, its {@code FILES} or its {@code CESYSGEN\files}. */
    private static final List<String> IMAGE_FILES = List.of("platform.reg", "config.bib", "platform.bib");
    /** How far up a BSP folder is looked for when nothing bounds the search. */
    private static final int MAX_LEVELS_UP = 5;

    private final Path bound;
    private final Map<String, Path> roots = new LinkedHashMap<>();

    /**
     * @param folder   the folder of the {@code sources} file
     * @param scanRoot the scanned tree; {@code null} when unknown (then the BSP folder is looked for
     *                 a few levels up)
     */
    BuildRoots(Path folder, Path scanRoot, PathResolver resolver) {
        this.bound = scanRoot != null ? scanRoot : folder.getRoot();
        Optional<Path> targetPlatform = platformChild(folder)
                .or(() -> bspFolderAtOrAbove(folder, scanRoot, resolver))
                .or(() -> Optional.ofNullable(scanRoot));
        targetPlatform.ifPresent(bsp -> put("_TARGETPLATROOT", bsp));
        Optional<Path> platform = targetPlatform.flatMap(bsp -> platformRootOf(bsp, resolver))
                .or(() -> commonAncestor(folder).map(Path::getParent));
        platform.ifPresent(p -> {
            put("_PLATFORMROOT", p);
            if (isNamed(p, "PLATFORM") && p.getParent() != null) {
                wince(p.getParent(), resolver);
            }
        });
    }

    /** The root variables of a BSP folder: for {@code $(…)} in its {@code .reg} and {@code .bib} files. */
    public static Map<String, String> forBsp(Path bspFolder) {
        BuildRoots roots = new BuildRoots(bspFolder, bspFolder, new PathResolver());
        Map<String, String> variables = new LinkedHashMap<>();
        roots.roots.forEach((name, folder) -> variables.put(name, folder.toString()));
        roots.targetPlatformName().ifPresent(name -> variables.put("_TGTPLAT", name));
        return variables;
    }

    /** Whether {@code folder} holds a BSP's image files, itself or in {@code FILES} or {@code CESYSGEN\files}. */
    public static boolean isBspFolder(Path folder) {
        return isBspFolder(folder, new PathResolver());
    }

    static boolean isBspFolder(Path folder, PathResolver resolver) {
        for (Optional<Path> place : List.of(Optional.of(folder), resolver.child(folder, "FILES"),
                resolver.child(folder, "CESYSGEN").flatMap(c -> resolver.child(c, "files")))) {
            if (place.isPresent() && IMAGE_FILES.stream()
                    .anyMatch(name -> resolver.child(place.get(), name).filter(Files::isRegularFile).isPresent())) {
                return true;
            }
        }
        return false;
    }

    /** The folder a root variable stands for. */
    Optional<Path> folder(String variable) {
        return Optional.ofNullable(roots.get(variable.toUpperCase(Locale.ROOT)));
    }

    /** The BSP's name ({@code $(_TGTPLAT)}), if the BSP folder was found. */
    Optional<String> targetPlatformName() {
        return folder("_TARGETPLATROOT").map(p -> p.getFileName() == null ? "" : p.getFileName().toString());
    }

    /** Whether a path is inside the scanned tree: {@code sources.cmn} is looked for up to its top. */
    boolean isInside(Path path) {
        return path.startsWith(bound);
    }

    private void wince(Path wince, PathResolver resolver) {
        put("_WINCEROOT", wince);
        resolver.child(wince, "PUBLIC").ifPresent(publicRoot -> {
            put("_PUBLICROOT", publicRoot);
            resolver.resolve(publicRoot, "COMMON/OAK").ifPresent(p -> put("_COMMONOAKROOT", p));
            resolver.resolve(publicRoot, "COMMON/SDK").ifPresent(p -> put("_COMMONSDKROOT", p));
            resolver.resolve(publicRoot, "COMMON/DDK").ifPresent(p -> put("_COMMONDDKROOT", p));
        });
        resolver.child(wince, "PRIVATE").ifPresent(p -> put("_PRIVATEROOT", p));
    }

    private void put(String variable, Path folder) {
        if (Files.isDirectory(folder)) {
            roots.put(variable, folder);
        }
    }

    /** The ancestor of {@code folder} (itself included) whose parent is named PLATFORM. */
    private static Optional<Path> platformChild(Path folder) {
        for (Path p = folder; p != null && p.getParent() != null; p = p.getParent()) {
            if (isNamed(p.getParent(), "PLATFORM")) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The nearest BSP folder at or above {@code folder}, inside {@code scanRoot} when there is one. */
    private static Optional<Path> bspFolderAtOrAbove(Path folder, Path scanRoot, PathResolver resolver) {
        int level = 0;
        for (Path p = folder; p != null; p = p.getParent(), level++) {
            if (scanRoot != null ? !p.startsWith(scanRoot) : level > MAX_LEVELS_UP) {
                return Optional.empty();
            }
            if (isBspFolder(p, resolver)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The folder holding the BSP, when the layout says it is the platform root. */
    private static Optional<Path> platformRootOf(Path bsp, PathResolver resolver) {
        Path parent = bsp.getParent();
        if (parent == null) {
            return Optional.empty();
        }
        boolean platform = isNamed(parent, "PLATFORM")
                || resolver.child(parent, "COMMON").filter(Files::isDirectory).isPresent();
        return platform ? Optional.of(parent) : Optional.empty();
    }

    /** The nearest ancestor named COMMON beside the platforms (not {@code PUBLIC\COMMON}): their shared tree. */
    private static Optional<Path> commonAncestor(Path folder) {
        for (Path p = folder; p != null && p.getParent() != null; p = p.getParent()) {
            if (isNamed(p, "COMMON") && !isNamed(p.getParent(), "PUBLIC") && !isNamed(p.getParent(), "PRIVATE")) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static boolean isNamed(Path folder, String name) {
        return folder.getFileName() != null && folder.getFileName().toString().equalsIgnoreCase(name);
    }
}
