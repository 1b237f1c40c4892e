package dev.cemap.analyzer.eval;

/**
 * What a pointer value is known to point into. Rules need the kind of memory behind a
 * VirtualCopy destination, not just its number: a reservation, heap, stack or a file view.
 */
public sealed interface Pointee {

    /** Memory from a VirtualAlloc seen in this function; {@code offset} in bytes from its start. */
    record Region(int regionId, java.util.OptionalLong offset) implements Pointee {
        public Region withOffset(java.util.OptionalLong newOffset) {
            return new Region(regionId, newOffset);
        }
    }

    /** Committed heap memory (LocalAlloc, malloc, new, HeapAlloc): never a VirtualCopy target. */
    record Heap(String allocator) implements Pointee {
    }

    /** The address of a local variable or array. */
    record Stack(String variable) implements Pointee {
    }

    /** A MapViewOfFile view: reserved by the kernel, a valid VirtualCopy destination. */
    record FileView() implements Pointee {
    }
}
