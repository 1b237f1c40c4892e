package dev.cemap.analyzer.frontend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The CE build's root variables ({@code $(_TARGETPLATROOT)}, {@code $(_WINCEROOT)} …) mapped onto
 * folders of the scanned tree. The build sets them from the environment; a scan only has the
 * checkout, so they are found by shape: the BSP is the folder directly under a folder named
 * {@code PLATFORM}, whose parent is the CE root with {@code PUBLIC} and {@code PRIVATE} beside it.
 * A root that is not inside the scanned tree stays unresolved.
 */
final class BuildRoots {

    private final Path bound;
    private final Map<String, Path> roots = new HashMap<>();

    /**
     * @param folder   the folder of the {@code sources} file
     * @param scanRoot the scanned tree; {@code null} when unknown (then nothing bounds the search
     *                 and the BSP root must be found by the PLATFORM rule)
     */
    BuildRoots(Path folder, Path scanRoot, PathResolver resolver) {
        this.bound = scanRoot != null ? scanRoot : folder.getRoot();
        Path targetPlatform = platformChild(folder).orElse(scanRoot);
        if (targetPlatform == null) {
            return;
        }
        put("_TARGETPLATROOT", targetPlatform);
        Path platform = targetPlatform.getParent();
        if (platform == null || platform.getFileName() == null
                || !platform.getFileName().toString().equalsIgnoreCase("PLATFORM")) {
            return;
        }
        put("_PLATFORMROOT", platform);
        Path wince = platform.getParent();
        if (wince == null) {
            return;
        }
        put("_WINCEROOT", wince);
        resolver.child(wince, "PUBLIC").ifPresent(publicRoot -> {
            put("_PUBLICROOT", publicRoot);
            resolver.resolve(publicRoot, "COMMON/OAK").ifPresent(p -> put("_COMMONOAKROOT", p));
            resolver.resolve(publicRoot, "COMMON/SDK").ifPresent(p -> put("_COMMONSDKROOT", p));
            resolver.resolve(publicRoot, "COMMON/DDK").ifPresent(p -> put("_COMMONDDKROOT", p));
        });
        resolver.child(wince, "PRIVATE").ifPresent(p -> put("_PRIVATEROOT", p));
    }

    /** The folder a root variable stands for, if it is inside the scanned tree. */
    Optional<Path> folder(String variable) {
        return Optional.ofNullable(roots.get(variable.toUpperCase(Locale.ROOT)));
    }

    /** The BSP's name ({@code $(_TGTPLAT)}), if the BSP folder was found. */
    Optional<String> targetPlatformName() {
        return folder("_TARGETPLATROOT").map(p -> p.getFileName() == null ? "" : p.getFileName().toString());
    }

    boolean isInside(Path path) {
        return path.startsWith(bound);
    }

    private void put(String variable, Path folder) {
        if (isInside(folder) && Files.isDirectory(folder)) {
            roots.put(variable, folder);
        }
    }

    /** The ancestor of {@code folder} (itself included) whose parent is named PLATFORM. */
    private static Optional<Path> platformChild(Path folder) {
        for (Path p = folder; p != null && p.getParent() != null; p = p.getParent()) {
            Path parentName = p.getParent().getFileName();
            if (parentName != null && parentName.toString().equalsIgnoreCase("PLATFORM")) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
