package dev.cemap.emulator;

/** What a part of the virtual address space is used for. */
public enum AreaKind {
    /** CE 5: a 32 MB process slot (slot 0 aliases the running process). */
    PROCESS_SLOT,
    /** CE 5: the shared area 0x42000000-0x7FFFFFFF, visible to every process. */
    SHARED_AREA,
    /** CE 6+: the per-process 2 GB user space. */
    USER_SPACE,
    /** CE 6+: kernel virtual memory (0xD0000000-0xEFFFFFFF), where kernel-mode VirtualAlloc lands. */
    KERNEL_VM,
    /** 0x80000000-0x9FFFFFFF: the OEMAddressTable mapped cached, kernel only. */
    STATIC_CACHED,
    /** 0xA0000000-0xBFFFFFFF: the same physical memory uncached, kernel only. */
    STATIC_UNCACHED,
    /** Other kernel areas (XIP DLLs, object store, CPU-specific, CE 5 kernel space). */
    KERNEL_OTHER,
    /** Nothing is ever mapped here (guard gaps, values beyond 32 bits). */
    UNMAPPED
}
