package dev.cemap.emulator;

/**
 * Hex spellings used in every emulator message (and available to rules), so findings read like a
 * kernel debugger's output and agree with each other.
 */
public final class Hex {
    private Hex() {
    }

    /** An address: at least 8 digits, e.g. {@code 0x7F005400}. */
    public static String addr(long value) {
        return String.format("0x%08X", value);
    }

    /** A page offset: 3 digits, {@code 0x000} to {@code 0xFFF}. */
    public static String pageOffset(long value) {
        return String.format("0x%03X", value);
    }

    /** An offset inside a 64 KB block: 4 digits. */
    public static String blockOffset(long value) {
        return String.format("0x%04X", value);
    }

    /** A size or flag value: as few digits as needed, e.g. {@code 0x1000}. */
    public static String of(long value) {
        return String.format("0x%X", value);
    }
}
