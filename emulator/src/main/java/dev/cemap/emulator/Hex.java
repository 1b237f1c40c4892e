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

    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

    /**
     * String.format is too slow for the page tables of large mappings, which name every page;
     * the value is read as unsigned, as {@link Long#toHexString} does.
     */
    private static String padded(long value, int digits) {
        int needed = Math.max(1, (Long.SIZE - Long.numberOfLeadingZeros(value) + 3) / 4);
        int length = Math.max(digits, needed);
        char[] text = new char[2 + length];
        text[0] = '0';
        text[1] = 'x';
        long rest = value;
        for (int i = text.length - 1; i >= 2; i--) {
            text[i] = DIGITS[(int) (rest & 0xF)];
            rest >>>= 4;
        }
        return new String(text);
    }
}
