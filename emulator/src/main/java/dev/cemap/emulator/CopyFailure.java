package dev.cemap.emulator;

/** The checks VirtualCopy can fail, in the order the kernel makes them. */
public enum CopyFailure {
    /** The protection value is refused (see {@link Protection#virtualCopyRejection(int)}). */
    INVALID_PROTECTION,
    /** The destination is not inside a live reservation. */
    DEST_NOT_RESERVED,
    /** A destination page is already committed (MEM_COMMIT or an earlier VirtualCopy). */
    DEST_COMMITTED,
    /** The destination pages run past the end of the reservation. */
    RANGE_EXCEEDS_RESERVATION,
    /** The destination and source offsets differ (page offset, or 64 KB offset on CE 5 virtual copies). */
    PAGE_OFFSET_MISMATCH,
    /** CE 5 only: the destination range crosses a 32 MB section boundary. */
    CROSSES_SECTION,
    /** A virtual source page is not mapped (not committed, not in a static window). */
    SOURCE_NOT_MAPPED
}
