package dev.cemap.analyzer.replay;

import java.util.Arrays;
import java.util.Optional;

/**
 * What kind of resource a region is: which call made it and which call gives it back. The four
 * share one lifetime machinery (leaks, double releases, use after release); they differ in how
 * they are released.
 */
public enum ResourceKind {
    /** {@code VirtualAlloc}: released with {@code VirtualFree(p, 0, MEM_RELEASE)}. */
    RESERVATION("VirtualAlloc", "VirtualFree", "VirtualFree(p, 0, MEM_RELEASE)", "reservation"),
    /** {@code MmMapIoSpace}: released with {@code MmUnmapIoSpace(p, size)}. */
    IO_MAPPING("MmMapIoSpace", "MmUnmapIoSpace", "MmUnmapIoSpace(p, size)", "mapping"),
    /** {@code AllocPhysMem}: released with {@code FreePhysMem(p)}. */
    PHYSICAL_MEMORY("AllocPhysMem", "FreePhysMem", "FreePhysMem(p)", "physical buffer"),
    /** {@code HalAllocateCommonBuffer}: released with {@code HalFreeCommonBuffer}. */
    COMMON_BUFFER("HalAllocateCommonBuffer", "HalFreeCommonBuffer",
            "HalFreeCommonBuffer(adapter, size, physical, p, cached) with the allocation's adapter, size and "
                    + "physical address", "common buffer");

    private final String allocator;
    private final String releaseApi;
    private final String release;
    private final String noun;

    ResourceKind(String allocator, String releaseApi, String release, String noun) {
        this.allocator = allocator;
        this.releaseApi = releaseApi;
        this.release = release;
        this.noun = noun;
    }

    /** The API that creates it ({@code AllocPhysMem}). */
    public String allocator() {
        return allocator;
    }

    /** The API that releases it ({@code FreePhysMem}). */
    public String releaseApi() {
        return releaseApi;
    }

    /** How to release it, as a driver writes the call ({@code FreePhysMem(p)}). */
    public String release() {
        return release;
    }

    /** What a message calls it ("physical buffer"). */
    public String noun() {
        return noun;
    }

    /** Committed memory of its own: never a VirtualCopy destination. */
    public boolean isCommittedMemory() {
        return this == PHYSICAL_MEMORY || this == COMMON_BUFFER;
    }

    /** The kind an allocator creates. */
    public static Optional<ResourceKind> allocatedBy(String api) {
        return Arrays.stream(values()).filter(kind -> kind.allocator.equals(api)).findFirst();
    }

    /** The kind a release API is meant for. */
    public static Optional<ResourceKind> releasedBy(String api) {
        return Arrays.stream(values()).filter(kind -> kind.releaseApi.equals(api)).findFirst();
    }
}
