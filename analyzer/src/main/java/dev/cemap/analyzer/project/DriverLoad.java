package dev.cemap.analyzer.project;

import java.util.Optional;

/**
 * A DLL a CE component loads because a registry value names it: a driver key of Device Manager, the
 * display driver of GWES, a block driver of the storage manager, an NDIS miniport, a service.
 *
 * @param dll       the DLL as written ({@code omap_dss.dll})
 * @param loader    the loading component and how its DLLs run
 * @param key       the key holding the value
 * @param valueName the value naming the DLL ({@code Dll}, {@code Display}, {@code DriverName} …)
 * @param driver    the key read as a Device Manager driver key (Flags, IoBase/IoLen), for loaders that
 *                  activate the key through Device Manager or its reflector
 * @param when      when the image has the value
 */
public record DriverLoad(String dll, DriverLoaders.Loader loader, RegistryKey key, String valueName,
        Optional<DriverKey> driver, Condition when) {

    /** Whether the loaded DLL is this module ({@code gpio} matches {@code gpio.dll}). */
    public boolean loads(String moduleName) {
        return DriverKey.baseName(dll).equals(DriverKey.baseName(moduleName));
    }

    /** How it runs on CE 6 and later. */
    public ExecutionContext.Mode modeOnCe6() {
        return switch (loader.ce6()) {
            case FLAGS -> driver.filter(DriverKey::isUserMode).isPresent() ? ExecutionContext.Mode.USER_DRIVER
                    : ExecutionContext.Mode.KERNEL_DRIVER;
            case SERVICES -> ExecutionContext.Mode.USER_DRIVER;
            case KERNEL -> ExecutionContext.Mode.KERNEL_DRIVER;
            case APPLICATION -> ExecutionContext.Mode.APPLICATION;
        };
    }

    /** The registry window key of a user-mode load: the reflector maps only inside its IoBase/IoLen. */
    public Optional<DriverKey> reflectedKey() {
        return loader.ce6() == DriverLoaders.Ce6Mode.FLAGS || loader.ce6() == DriverLoaders.Ce6Mode.SERVICES
                ? driver : Optional.empty();
    }

    /** {@code [HKEY_LOCAL_MACHINE\System\GDI\Drivers] "Display"}. */
    public String where() {
        return "[" + key.path() + "]" + (valueName.equalsIgnoreCase("Dll") ? "" : " \"" + valueName + "\"");
    }

    /** One phrase: who loads it and how it runs, on CE 6 and on CE 5. */
    public String reason() {
        String how = switch (loader.ce6()) {
            case FLAGS -> driver.filter(DriverKey::isUserMode).isPresent()
                    ? "Flags has DEVFLAGS_LOAD_AS_USERPROC (0x10)"
                    : driver.flatMap(d -> d.flags().isPresent() ? Optional.of("Flags without DEVFLAGS_LOAD_AS_USERPROC")
                            : Optional.empty()).orElse("no Flags: " + loader.name() + " loads it into the kernel");
            case SERVICES, KERNEL, APPLICATION -> loader.name() + " loads this " + loader.role() + " into "
                    + loader.ce6Host() + " (on CE 5: " + loader.ce5Host() + ")";
        };
        return where() + (loader.ce6() == DriverLoaders.Ce6Mode.FLAGS ? " " : ": ") + how
                + (when.isAlways() ? "" : " when " + when);
    }
}
