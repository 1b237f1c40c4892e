package dev.cemap.rules;

import dev.cemap.analyzer.eval.Value;

/**
 * How the source of a PAGE_PHYSICAL VirtualCopy was written. The kernel shifts it left by 8 to
 * get the physical address, so only the "{@code >> 8}" / "{@code / 256}" form is right.
 */
public enum PhysicalSource {
    /** Shifted by another amount ({@code >> 12}, {@code / 4096}). */
    MIS_SCALED,
    /** A physical address passed as is: a constant that does not fit once shifted, or a PHYSICAL_ADDRESS field. */
    UNSHIFTED,
    /** Written as the physical address {@code >> 8}, or a value that may already be shifted. */
    PLAUSIBLE;

    private static final long ADDRESS_LIMIT = 0x1_0000_0000L;

    public static PhysicalSource classify(Value source) {
        if (source.shape().isOtherScaling()) {
            return MIS_SCALED;
        }
        if (source.shape().isPhysicalShift()) {
            return PLAUSIBLE;
        }
        // A small constant may be a page-frame value computed elsewhere; only a value whose
        // << 8 leaves the 32-bit physical space is certainly unshifted.
        if (source.isKnown() && (source.longValue() << 8) >= ADDRESS_LIMIT) {
            return UNSHIFTED;
        }
        return source.isPhysicalAddressField() ? UNSHIFTED : PLAUSIBLE;
    }
}
