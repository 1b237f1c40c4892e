package dev.cemap.emulator;

/** MEM_* allocation and free types. */
public final class AllocationType {
    private AllocationType() {
    }

    private static final int[] BITS = {
        Ce.MEM_COMMIT, Ce.MEM_RESERVE, Ce.MEM_DECOMMIT, Ce.MEM_RELEASE, Ce.MEM_TOP_DOWN, Ce.MEM_AUTO_COMMIT,
    };
    private static final String[] NAMES = {
        "MEM_COMMIT", "MEM_RESERVE", "MEM_DECOMMIT", "MEM_RELEASE", "MEM_TOP_DOWN", "MEM_AUTO_COMMIT",
    };
    /** The bits VirtualAlloc accepts. */
    public static final int ALLOC_MASK = Ce.MEM_COMMIT | Ce.MEM_RESERVE | Ce.MEM_TOP_DOWN | Ce.MEM_AUTO_COMMIT;

    /** The flags spelled out, lowest bit first; unknown bits as hex; 0 is {@code "0"}. */
    public static String describe(int type) {
        return Flags.describe(type, BITS, NAMES);
    }

    public static boolean reserves(int type) {
        return (type & Ce.MEM_RESERVE) != 0;
    }

    public static boolean commits(int type) {
        return (type & Ce.MEM_COMMIT) != 0;
    }
}
