package dev.cemap.analyzer.replay;

/** What one path knows about a reservation or mapping the replay created. */
public enum RegionStatus {
    /** Created unless the call returned NULL: the code has not checked yet. */
    MAYBE,
    /** The code checked: the call succeeded. */
    LIVE,
    /** The call returned NULL on this path: nothing to release. */
    FAILED,
    /** Released (VirtualFree MEM_RELEASE, MmUnmapIoSpace) on this path. */
    RELEASED,
    /** The code tried to release it with a call the kernel rejects: release-with-size reports it. */
    RELEASE_ATTEMPTED;

    public boolean isHeld() {
        return this == MAYBE || this == LIVE;
    }
}
