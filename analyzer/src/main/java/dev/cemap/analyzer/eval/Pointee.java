package dev.cemap.analyzer.eval;

import java.util.Optional;

/**
 * What a pointer value is known to point into. Rules need the kind of memory behind a
 * VirtualCopy destination, not just its number: a reservation, heap, stack or a file view. The
 * replay also needs to know which object a pointer reaches, so that {@code p->f} written through
 * one alias is read through another.
 */
public sealed interface Pointee {

    /** Memory from a VirtualAlloc seen in this function; {@code offset} in bytes from its start. */
    record Region(int regionId, java.util.OptionalLong offset) implements Pointee {
        public Region withOffset(java.util.OptionalLong newOffset) {
            return new Region(regionId, newOffset);
        }
    }

    /**
     * Committed heap memory (LocalAlloc, malloc, new, HeapAlloc): never a VirtualCopy target.
     *
     * <p>Also the physical address of kernel RAM AllocPhysMem or HalAllocateCommonBuffer gave:
     * {@code physicalOf} is then the region of the buffer whose physical address it is.
     *
     * @param block      the block's identity in the replay ({@link StorageKey.Block}); 0 when the
     *                   replay does not follow what is stored in it
     * @param physicalOf the region whose physical address this is; 0 when none
     */
    record Heap(String allocator, int block, int physicalOf) implements Pointee {
        public Heap(String allocator) {
            this(allocator, 0, 0);
        }

        public Heap(String allocator, int block) {
            this(allocator, block, 0);
        }

        /** The physical address of a buffer the replay created. */
        public static Heap physicalAddressOf(String allocator, int regionId) {
            return new Heap(allocator, 0, regionId);
        }
    }

    /**
     * The address of a local variable or array.
     *
     * @param key where the replay stores the variable, when it names it
     */
    record Stack(String variable, StorageKey key) implements Pointee {
        public Stack(String variable) {
            this(variable, null);
        }
    }

    /** The address of a global, a member or a field the replay names ({@code &g_device}). */
    record Storage(StorageKey key) implements Pointee {
    }

    /** A MapViewOfFile view: reserved by the kernel, a valid VirtualCopy destination. */
    record FileView() implements Pointee {
    }

    /** Where {@code p->f} is stored when {@code p} has this value: the object it points to, when known. */
    static Optional<StorageKey> objectOf(Value pointer) {
        Pointee pointee = pointer.pointee().orElse(null);
        if (pointee instanceof Heap heap && heap.block() > 0) {
            return Optional.of(new StorageKey.Block(heap.block()));
        }
        if (pointee instanceof Storage storage) {
            return Optional.of(storage.key());
        }
        if (pointee instanceof Stack stack && stack.key() != null) {
            return Optional.of(stack.key());
        }
        return Optional.empty();
    }
}
