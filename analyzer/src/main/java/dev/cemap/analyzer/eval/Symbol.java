package dev.cemap.analyzer.eval;

/**
 * A truth value the replay cannot compute but can learn from a branch: "call N succeeded", or
 * "the pointer to region N is not NULL", possibly negated. Branching on it tells each path which
 * way the call went.
 */
public record Symbol(Kind kind, int id, boolean negated) {

    public enum Kind {
        /** The BOOL result of a modelled call (VirtualCopy, VirtualFree). */
        CALL_SUCCEEDED,
        /** A region pointer compared with NULL. */
        NOT_NULL,
        /** A heap block pointer compared with NULL: the allocation succeeded. */
        BLOCK_NOT_NULL
    }

    public static Symbol callSucceeded(int callId) {
        return new Symbol(Kind.CALL_SUCCEEDED, callId, false);
    }

    public static Symbol notNull(int regionId) {
        return new Symbol(Kind.NOT_NULL, regionId, false);
    }

    public static Symbol blockNotNull(int block) {
        return new Symbol(Kind.BLOCK_NOT_NULL, block, false);
    }

    public Symbol negate() {
        return new Symbol(kind, id, !negated);
    }
}
