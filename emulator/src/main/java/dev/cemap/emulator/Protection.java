package dev.cemap.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PAGE_* protection values: naming them and deciding what VirtualCopy accepts.
 *
 * <p>The kernel's check ({@code MakePagePerms} in the CE shared source) strips PAGE_PHYSICAL,
 * PAGE_GUARD and PAGE_NOCACHE and then requires exactly one base protection; PAGE_NOACCESS must
 * stand alone, and the WRITECOPY protections are refused as not supported.
 */
public final class Protection {
    private Protection() {
    }

    private static final int[] BITS = {
        Ce.PAGE_NOACCESS, Ce.PAGE_READONLY, Ce.PAGE_READWRITE, Ce.PAGE_WRITECOPY,
        Ce.PAGE_EXECUTE, Ce.PAGE_EXECUTE_READ, Ce.PAGE_EXECUTE_READWRITE, Ce.PAGE_EXECUTE_WRITECOPY,
        Ce.PAGE_GUARD, Ce.PAGE_NOCACHE, Ce.PAGE_PHYSICAL,
    };
    private static final String[] NAMES = {
        "PAGE_NOACCESS", "PAGE_READONLY", "PAGE_READWRITE", "PAGE_WRITECOPY",
        "PAGE_EXECUTE", "PAGE_EXECUTE_READ", "PAGE_EXECUTE_READWRITE", "PAGE_EXECUTE_WRITECOPY",
        "PAGE_GUARD", "PAGE_NOCACHE", "PAGE_PHYSICAL",
    };
    /** The eight base protections occupy the low byte. */
    public static final int BASE_MASK = 0xFF;
    /** Every bit cemap knows a meaning for. */
    public static final int KNOWN_MASK = BASE_MASK | Ce.PAGE_GUARD | Ce.PAGE_NOCACHE | Ce.PAGE_PHYSICAL;

    /**
     * The flags spelled out, lowest bit first, joined by {@code " | "}; bits without a name are
     * shown as one hex value at the end; 0 is {@code "0"}.
     */
    public static String describe(int protect) {
        return Flags.describe(protect, BITS, NAMES);
    }

    /** The full names (e.g. {@code PAGE_READWRITE}) of the base protections present. */
    public static List<String> baseProtections(int protect) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            if ((protect & BITS[i]) != 0) {
                out.add(NAMES[i]);
            }
        }
        return out;
    }

    public static boolean isPhysical(int protect) {
        return (protect & Ce.PAGE_PHYSICAL) != 0;
    }

    public static boolean isNoCache(int protect) {
        return (protect & Ce.PAGE_NOCACHE) != 0;
    }

    public static boolean isGuard(int protect) {
        return (protect & Ce.PAGE_GUARD) != 0;
    }

    /**
     * Why VirtualCopy rejects {@code protect}, or empty when it accepts it. PAGE_PHYSICAL is a
     * VirtualCopy flag and therefore accepted here.
     */
    public static Optional<String> virtualCopyRejection(int protect) {
        return rejection(protect, true);
    }

    /**
     * Why VirtualAlloc rejects {@code protect}, or empty when it accepts it. VirtualAlloc runs the
     * same check as VirtualCopy but does not strip PAGE_PHYSICAL first, so that flag is refused.
     */
    public static Optional<String> virtualAllocRejection(int protect) {
        if (isPhysical(protect)) {
            return Optional.of("protection " + describe(protect) + " (" + Hex.of(protect)
                    + ") contains PAGE_PHYSICAL, which only VirtualCopy accepts");
        }
        return rejection(protect, false);
    }

    private static Optional<String> rejection(int protect, boolean physicalAllowed) {
        String shown = describe(protect) + " (" + Hex.of(protect & 0xFFFFFFFFL) + ")";
        int unknown = protect & ~KNOWN_MASK;
        if (unknown != 0) {
            return Optional.of("protection " + shown + " has unknown bits " + Hex.of(unknown & 0xFFFFFFFFL)
                    + ", which the kernel rejects");
        }
        List<String> bases = baseProtections(protect);
        if (bases.isEmpty()) {
            return Optional.of("protection " + shown + " has no base protection such as PAGE_READWRITE;"
                    + " the kernel needs exactly one");
        }
        if (bases.size() > 1) {
            return Optional.of("protection " + shown + " combines " + bases.size() + " base protections ("
                    + String.join(", ", bases) + "); the kernel needs exactly one");
        }
        int base = protect & BASE_MASK;
        if (base == Ce.PAGE_NOACCESS) {
            boolean guard = isGuard(protect);
            boolean noCache = isNoCache(protect);
            if (guard && noCache) {
                return Optional.of("protection " + shown + " puts PAGE_GUARD and PAGE_NOCACHE on PAGE_NOACCESS,"
                        + " which the kernel rejects");
            }
            if (guard) {
                return Optional.of("protection " + shown + " puts PAGE_GUARD on PAGE_NOACCESS, which the kernel rejects");
            }
            if (noCache) {
                return Optional.of("protection " + shown + " puts PAGE_NOCACHE on PAGE_NOACCESS,"
                        + " which the kernel rejects");
            }
        }
        if (base == Ce.PAGE_WRITECOPY || base == Ce.PAGE_EXECUTE_WRITECOPY) {
            return Optional.of("protection " + shown + " uses " + bases.get(0)
                    + ", which the CE kernel refuses as not supported");
        }
        return Optional.empty();
    }
}
