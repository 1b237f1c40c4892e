package dev.cemap.emulator;

import java.util.Locale;

/** The Windows CE kernel generations cemap models. */
public enum CeVersion {
    /** CE 5.0: slotted 32 MB process slots, shared area, VirtualCopy callable from any process. */
    CE5(0x500),
    /** CE 6.0 (R2, R3): 2 GB per-process user space, VirtualCopy kernel-mode only. */
    CE6(0x600),
    /** Windows Embedded Compact 7: the CE 6 memory model. */
    CE7(0x700);

    private final int wceVersion;

    CeVersion(int wceVersion) {
        this.wceVersion = wceVersion;
    }

    /** The value of {@code _WIN32_WCE} for this version. */
    public int wceVersion() {
        return wceVersion;
    }

    /** The command-line spelling: ce5, ce6, ce7. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** CE 5 and earlier put every process in a 32 MB slot; CE 6 and later do not. */
    public boolean isSlotted() {
        return this == CE5;
    }

    /** Parses ce5 / ce6 / ce7 (any case). */
    public static CeVersion parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
