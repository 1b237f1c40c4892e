package dev.cemap.analyzer.project;

import dev.cemap.emulator.ExecutionMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a module's code runs on CE 6 and later, which decides whether it may call VirtualCopy,
 * MmMapIoSpace, VirtualSetAttributes or CreateStaticMapping.
 *
 * @param mode    kernel driver, user-mode driver, application or unknown
 * @param module  the module whose code it is ({@code gpio.dll}); empty when there is none
 * @param driver  the registry key that loads it, for drivers known from the registry
 * @param reason  one phrase saying how this was decided, for messages and the porting report
 */
public record ExecutionContext(Mode mode, Optional<String> module, Optional<DriverKey> driver, String reason) {

    /** The kinds of execution context. */
    public enum Mode {
        /**
         * Loaded into the kernel: by Device Manager (no DEVFLAGS_LOAD_AS_USERPROC), GWES, the storage
         * manager, NDIS or USB, or a K module of platform.bib.
         */
        KERNEL_DRIVER,
        /** Loaded into udevice.exe or servicesd.exe: maps only inside its IoBase/IoLen and MemBase/MemLen windows. */
        USER_DRIVER,
        /** TARGETTYPE=PROGRAM: cannot map physical memory at all on CE 6 and later. */
        APPLICATION,
        /** A boot loader, the OAL or KITL: runs before the kernel or inside it, may map anything. */
        BARE_METAL,
        /** Nothing in the tree says how it runs; rules say nothing about it. */
        UNKNOWN
    }

    public ExecutionContext {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(reason, "reason");
    }

    public static ExecutionContext unknown(String reason) {
        return new ExecutionContext(Mode.UNKNOWN, Optional.empty(), Optional.empty(), reason);
    }

    /** The registry windows of a user-mode driver; empty for any other context. */
    public List<Window> windows() {
        return mode == Mode.USER_DRIVER ? driver.map(DriverKey::windows).orElse(List.of()) : List.of();
    }

    /** Whether a physical range lies entirely inside one of the windows. */
    public boolean windowsContain(long pa, long size) {
        return windows().stream().anyMatch(window -> window.contains(pa, size));
    }

    /** The emulator's view: kernel or user mode; empty when unknown. */
    public Optional<ExecutionMode> executionMode() {
        return switch (mode) {
            case KERNEL_DRIVER, BARE_METAL -> Optional.of(ExecutionMode.KERNEL);
            case USER_DRIVER, APPLICATION -> Optional.of(ExecutionMode.USER);
            case UNKNOWN -> Optional.empty();
        };
    }

    /** E.g. {@code user-mode driver gpio.dll ([HKEY_LOCAL_MACHINE\Drivers\BuiltIn\GPIO])}. */
    public String describe() {
        String kind = switch (mode) {
            case KERNEL_DRIVER -> "kernel-mode driver";
            case USER_DRIVER -> "user-mode driver";
            case APPLICATION -> "application";
            case BARE_METAL -> "boot loader, OAL or KITL";
            case UNKNOWN -> "module of unknown mode";
        };
        return kind + module.map(m -> " " + m).orElse("") + driver.map(d -> " ([" + d.key().path() + "])").orElse("");
    }
}
