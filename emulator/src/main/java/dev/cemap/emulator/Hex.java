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
        return padded(value, 8);
    }

    /** A page offset: 3 digits, {@code 0x000} to {@code 0xFFF}. */
    public static String pageOffset(long value) {
        return padded(value, 3);
    }

    /** An offset inside a 64 KB block: 4 digits. */
    public static String blockOffset(long value) {
        return padded(value, 4);
    }

    /** A size or flag value: as few digits as needed, e.g. {@code 0x1000}. */
    public static String of(long value) {
        return padded(value, 1);
    }

    /** String.format is too slow for the page tables of large mappings, which name every page. */
    private static String padded(long value, int digits) {
        String hex = Long.toHexString(value).toUpperCase(java.util.Locale.ROOT);
        StringBuilder text = new StringBuilder(2 + Math.max(digits, hex.length())).append("0x");
        for (int i = hex.length(); i < digits; i++) {
            text.append('0');
        }
        return text.append(hex).toString();
    }
}
