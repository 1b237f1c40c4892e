package dev.cemap.emulator;

/**
 * Whether the replayed code runs in kernel mode (a kernel-mode driver, which is every driver on
 * CE 5) or user mode (an application or a CE 6+ user-mode driver). On CE 6+ it decides where
 * VirtualAlloc places reservations; the kernel-only restriction on VirtualCopy is a rule's
 * concern, because user-mode drivers may still map inside their registry windows.
 */
public enum ExecutionMode {
    KERNEL,
    USER
}
