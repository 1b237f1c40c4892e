package dev.cemap.analyzer.state;

import dev.cemap.analyzer.replay.RegionStatus;
import dev.cemap.emulator.Ce;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The resources one path created (reservations, mappings) and what it knows about each: created
 * or not, released or not, handed to code it cannot see; and the calls whose outcome a later
 * branch decides ({@code if (!VirtualCopy(…))}).
 */
final class Resources {

    private final Map<Integer, RegionStatus> statuses;
    private final Set<Integer> escaped;
    private final Map<Integer, PendingCall> pending;
    /** Heap blocks handed to code the replay cannot see, and those freed. */
    private final Set<Integer> escapedBlocks;
    private final Set<Integer> freedBlocks;
    /** What the path learned of each heap allocation: returned NULL (true) or not (false). */
    private final Map<Integer, Boolean> blockNull;
    /** Blocks the allocator zero-filled (LPTR, calloc): what was never written there reads 0. */
    private final Set<Integer> zeroedBlocks;

    Resources() {
        this(new HashMap<>(), new HashSet<>(), new HashMap<>(), new HashSet<>(), new HashSet<>(), new HashMap<>(), new HashSet<>());
    }

    private Resources(Map<Integer, RegionStatus> statuses, Set<Integer> escaped, Map<Integer, PendingCall> pending,
            Set<Integer> escapedBlocks, Set<Integer> freedBlocks, Map<Integer, Boolean> blockNull,
            Set<Integer> zeroedBlocks) {
        this.statuses = statuses;
        this.escaped = escaped;
        this.pending = pending;
        this.escapedBlocks = escapedBlocks;
        this.freedBlocks = freedBlocks;
        this.blockNull = blockNull;
        this.zeroedBlocks = zeroedBlocks;
    }

    Resources copy() {
        return new Resources(new HashMap<>(statuses), new HashSet<>(escaped), new HashMap<>(pending),
                new HashSet<>(escapedBlocks), new HashSet<>(freedBlocks), new HashMap<>(blockNull),
                new HashSet<>(zeroedBlocks));
    }

    void escapeBlock(int block) {
        escapedBlocks.add(block);
    }

    boolean hasBlockEscaped(int block) {
        return escapedBlocks.contains(block);
    }

    void freeBlock(int block) {
        freedBlocks.add(block);
    }

    boolean isBlockFreed(int block) {
        return freedBlocks.contains(block);
    }

    void zeroBlock(int block) {
        zeroedBlocks.add(block);
    }

    void unzeroBlock(int block) {
        zeroedBlocks.remove(block);
    }

    boolean isBlockZeroed(int block) {
        return zeroedBlocks.contains(block);
    }

    boolean canBlockBeNull(int block, boolean isNull) {
        Boolean known = blockNull.get(block);
        return known == null || known == isNull;
    }

    void learnBlockNull(int block, boolean isNull) {
        blockNull.put(block, isNull);
    }

    void created(int regionId) {
        statuses.put(regionId, RegionStatus.MAYBE);
    }

    Optional<RegionStatus> status(int regionId) {
        return Optional.ofNullable(statuses.get(regionId));
    }

    void setStatus(int regionId, RegionStatus status) {
        if (statuses.containsKey(regionId)) {
            statuses.put(regionId, status);
        }
    }

    Map<Integer, RegionStatus> statuses() {
        return Collections.unmodifiableMap(statuses);
    }

    void escape(int regionId) {
        escaped.add(regionId);
    }

    boolean hasEscaped(int regionId) {
        return escaped.contains(regionId);
    }

    void pending(int callId, PendingCall call) {
        pending.put(callId, call);
    }

    /**
     * Applies what a branch learned about a call: on success a copy into a region proves the
     * region exists; on failure the copy mapped nothing and a release released nothing.
     *
     * @return the call, when it was pending and failed (its emulated effect must be undone)
     */
    Optional<PendingCall> learnOutcome(int callId, boolean succeeded) {
        PendingCall call = pending.remove(callId);
        if (call == null) {
            return Optional.empty();
        }
        if (succeeded) {
            if (call.regionId() >= 0 && statuses.get(call.regionId()) == RegionStatus.MAYBE) {
                statuses.put(call.regionId(), RegionStatus.LIVE);
            }
            return Optional.empty();
        }
        if (call.statusBefore() != null) {
            setStatus(call.regionId(), call.statusBefore());
        }
        return Optional.of(call);
    }

    /** @return true when the region was only maybe created and the path now knows the call returned NULL */
    boolean learnNull(int regionId, boolean isNull) {
        if (statuses.get(regionId) != RegionStatus.MAYBE) {
            return false;
        }
        statuses.put(regionId, isNull ? RegionStatus.FAILED : RegionStatus.LIVE);
        return isNull;
    }

    /** False when the path contradicts itself: a pointer known NULL treated as valid, or the reverse. */
    boolean canBeNull(int regionId, boolean isNull) {
        RegionStatus status = statuses.get(regionId);
        if (status == null || status == RegionStatus.MAYBE) {
            return true;
        }
        // A released pointer still holds its old, non-NULL address.
        return status == RegionStatus.FAILED ? isNull : !isNull;
    }

    /** Region statuses that differ become MAYBE; escapes and pending calls of either path are kept. */
    static Resources join(Resources a, Resources b) {
        Map<Integer, RegionStatus> statuses = new HashMap<>(a.statuses);
        b.statuses.forEach((id, status) -> statuses.merge(id, status,
                (x, y) -> x == y ? x : x.isHeld() || y.isHeld() ? RegionStatus.MAYBE : x));
        Set<Integer> escaped = new HashSet<>(a.escaped);
        escaped.addAll(b.escaped);
        Map<Integer, PendingCall> pending = new HashMap<>(a.pending);
        pending.putAll(b.pending);
        Set<Integer> escapedBlocks = new HashSet<>(a.escapedBlocks);
        escapedBlocks.addAll(b.escapedBlocks);
        Set<Integer> freedBlocks = new HashSet<>(a.freedBlocks);
        freedBlocks.retainAll(b.freedBlocks);
        Map<Integer, Boolean> blockNull = new HashMap<>(a.blockNull);
        blockNull.entrySet().removeIf(entry -> !entry.getValue().equals(b.blockNull.get(entry.getKey())));
        Set<Integer> zeroedBlocks = new HashSet<>(a.zeroedBlocks);
        zeroedBlocks.retainAll(b.zeroedBlocks);
        return new Resources(statuses, escaped, pending, escapedBlocks, freedBlocks, blockNull, zeroedBlocks);
    }

    /** What distinguishes two paths' resources for what follows. */
    List<Object> equivalenceKey() {
        return List.of(statuses, escaped, pending.keySet(), escapedBlocks, freedBlocks, blockNull);
    }

    static long undoStart(PendingCall call) {
        return Ce.pageBase(call.undoAddress().getAsLong());
    }

    static long undoSize(PendingCall call) {
        return Ce.roundUpToPage(call.undoAddress().getAsLong() + call.undoSize()) - undoStart(call);
    }
}
