package dev.cemap.analyzer.replay;

import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.emulator.Ce;
import dev.cemap.emulator.CeVersion;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one replayed path knows: stored values, its emulated address space, the status of each
 * region it created, the calls whose outcome it has not learned yet, and the steps it took.
 */
final class ReplayState {

    private final Map<StorageKey, Value> values;
    private final Emulation emulation;
    private final Map<Integer, RegionStatus> regions;
    private final Set<Integer> escapedRegions;
    private final Map<Integer, PendingCall> pendingCalls;
    private final Set<StorageKey> unsetLargeIntegers;
    private Trace trace;
    private boolean terminated;
    /** Joined from paths that could not be kept apart: what it holds is approximate. */
    private boolean merged;
    private Value returnValue = Value.unknown();
    private SourceLocation exit;

    ReplayState(CeVersion version) {
        this(new HashMap<>(), new Emulation(version), new HashMap<>(), new HashSet<>(), new HashMap<>(),
                new HashSet<>(), Trace.EMPTY);
    }

    private ReplayState(Map<StorageKey, Value> values, Emulation emulation, Map<Integer, RegionStatus> regions,
            Set<Integer> escapedRegions, Map<Integer, PendingCall> pendingCalls, Set<StorageKey> unsetLargeIntegers,
            Trace trace) {
        this.values = values;
        this.emulation = emulation;
        this.regions = regions;
        this.escapedRegions = escapedRegions;
        this.pendingCalls = pendingCalls;
        this.unsetLargeIntegers = unsetLargeIntegers;
        this.trace = trace;
    }

    ReplayState fork() {
        ReplayState copy = new ReplayState(new HashMap<>(values), emulation.fork(), new HashMap<>(regions),
                new HashSet<>(escapedRegions), new HashMap<>(pendingCalls), new HashSet<>(unsetLargeIntegers), trace);
        copy.terminated = terminated;
        copy.returnValue = returnValue;
        copy.exit = exit;
        copy.merged = merged;
        return copy;
    }

    /**
     * What distinguishes this path for what follows: two paths with the same stored values,
     * region statuses and pending outcomes behave alike from here on, whatever steps led there.
     */
    Object equivalenceKey() {
        return java.util.List.of(values, regions, escapedRegions, pendingCalls.keySet(), unsetLargeIntegers,
                terminated, merged);
    }

    /** True when this path was joined from others: leak checks would guess, so they skip it. */
    boolean isMerged() {
        return merged;
    }

    // --- storage ---

    Value read(StorageKey key) {
        return values.get(key);
    }

    void write(StorageKey key, Value value) {
        values.keySet().removeIf(existing -> !existing.equals(key) && key.isPrefixOf(existing));
        values.put(key, value);
        unsetLargeIntegers.removeIf(pending -> pending.isPrefixOf(key) && !isLowPartOf(key, pending)
                || key.isPrefixOf(pending));
    }

    /** Forgets what is stored at these keys and everything reached through them. */
    void havoc(Collection<StorageKey> keys) {
        for (StorageKey key : keys) {
            values.keySet().removeIf(key::isPrefixOf);
            unsetLargeIntegers.removeIf(key::isPrefixOf);
        }
    }

    Map<StorageKey, Value> values() {
        return values;
    }

    /**
     * Moves what is stored under {@code from} to {@code to}: a member function replayed for
     * {@code pDev->Init()} sees {@code pDev->m_x} as {@code this->m_x}, and back after.
     */
    void rebase(StorageKey from, StorageKey to) {
        Map<StorageKey, Value> moved = new HashMap<>();
        values.entrySet().removeIf(entry -> {
            StorageKey rebased = entry.getKey().rebased(from, to);
            if (rebased == entry.getKey()) {
                return false;
            }
            moved.put(rebased, entry.getValue());
            return true;
        });
        values.putAll(moved);
    }

    /** Takes out everything stored under {@code root}, for {@link #restore}. */
    Map<StorageKey, Value> stash(StorageKey root) {
        Map<StorageKey, Value> stashed = new HashMap<>();
        values.entrySet().removeIf(entry -> {
            if (root.isPrefixOf(entry.getKey())) {
                stashed.put(entry.getKey(), entry.getValue());
                return true;
            }
            return false;
        });
        return stashed;
    }

    void restore(Map<StorageKey, Value> stashed) {
        values.putAll(stashed);
    }

    /** A PHYSICAL_ADDRESS / LARGE_INTEGER declared without initializer: HighPart is garbage until set. */
    void declareUnsetLargeInteger(StorageKey key) {
        unsetLargeIntegers.add(key);
    }

    boolean isHighPartUnset(StorageKey key) {
        return unsetLargeIntegers.contains(key);
    }

    /** {@code pa.LowPart} and {@code pa.u.LowPart} leave HighPart as it was. */
    private static boolean isLowPartOf(StorageKey written, StorageKey largeInteger) {
        return written instanceof StorageKey.Field field && largeInteger.isPrefixOf(field.owner())
                && field.name().equals("LowPart");
    }

    // --- regions ---

    void created(int regionId) {
        regions.put(regionId, RegionStatus.MAYBE);
    }

    Optional<RegionStatus> status(int regionId) {
        return Optional.ofNullable(regions.get(regionId));
    }

    void setStatus(int regionId, RegionStatus status) {
        if (regions.containsKey(regionId)) {
            regions.put(regionId, status);
        }
    }

    Map<Integer, RegionStatus> regions() {
        return regions;
    }

    /** The region was handed to code the replay cannot see: it may be kept or released there. */
    void escape(int regionId) {
        escapedRegions.add(regionId);
    }

    boolean hasEscaped(int regionId) {
        return escapedRegions.contains(regionId);
    }

    // --- calls whose outcome a later branch decides ---

    void pending(int callId, PendingCall call) {
        pendingCalls.put(callId, call);
    }

    /** Applies what the branch learned: the call succeeded or failed on this path. */
    void learnOutcome(int callId, boolean succeeded) {
        PendingCall call = pendingCalls.remove(callId);
        if (call == null || succeeded) {
            if (call != null && call.regionId() >= 0 && status(call.regionId()).orElse(null) == RegionStatus.MAYBE) {
                setStatus(call.regionId(), RegionStatus.LIVE); // a copy into it succeeded: it exists
            }
            return;
        }
        if (call.undoAddress().isPresent()) {
            long from = Ce.pageBase(call.undoAddress().getAsLong());
            long size = Ce.roundUpToPage(call.undoAddress().getAsLong() + call.undoSize()) - from;
            emulation.operate().virtualFree(from, size, Ce.MEM_DECOMMIT);
        }
        if (call.statusBefore() != null) {
            setStatus(call.regionId(), call.statusBefore());
        }
    }

    /** What a pointer compared with NULL tells about the region behind it. */
    void learnNull(int regionId, boolean isNull) {
        RegionStatus status = regions.get(regionId);
        if (status == RegionStatus.MAYBE) {
            regions.put(regionId, isNull ? RegionStatus.FAILED : RegionStatus.LIVE);
            if (isNull) {
                emulation.release(regionId);
            }
        }
    }

    /** False when the path contradicts itself: a pointer known NULL treated as valid, or the reverse. */
    boolean canBeNull(int regionId, boolean isNull) {
        RegionStatus status = regions.get(regionId);
        if (status == null || status == RegionStatus.MAYBE) {
            return true;
        }
        // A released pointer still holds its old, non-NULL address.
        return status == RegionStatus.FAILED ? isNull : !isNull;
    }

    Emulation emulation() {
        return emulation;
    }

    // --- path ---

    void step(TraceStep step) {
        trace = trace.then(step);
    }

    Trace trace() {
        return trace;
    }

    boolean isTerminated() {
        return terminated;
    }

    void terminate() {
        terminated = true;
    }

    /** Ends the path at a return (or the end of the function) with the value it returns. */
    void exit(SourceLocation location, Value value) {
        terminated = true;
        exit = location;
        returnValue = value;
    }

    SourceLocation exitLocation() {
        return exit;
    }

    Value returnValue() {
        return returnValue;
    }

    /** Continues a path that jumped (goto, break) or returned from an inlined call as live. */
    ReplayState resumed() {
        ReplayState copy = fork();
        copy.terminated = false;
        return copy;
    }

    /**
     * Where two paths meet and cannot be kept apart (a wrapper's returns, the path budget): a
     * value survives where both agree; a region pointer that is NULL on one path is kept as
     * "region or NULL"; region statuses that differ become MAYBE. The emulated memory is that of
     * the path with more operations, because the emulator cannot represent "either".
     */
    static ReplayState join(ReplayState a, ReplayState b) {
        Map<StorageKey, Value> agreed = new HashMap<>();
        a.values.forEach((key, value) -> {
            Value other = b.values.get(key);
            if (other != null) {
                joinValues(value, other).ifPresent(joined -> agreed.put(key, joined));
            }
        });
        Map<Integer, RegionStatus> regions = new HashMap<>(a.regions);
        b.regions.forEach((id, status) -> regions.merge(id, status,
                (x, y) -> x == y ? x : x.isHeld() || y.isHeld() ? RegionStatus.MAYBE : x));
        Set<Integer> escaped = new HashSet<>(a.escapedRegions);
        escaped.addAll(b.escapedRegions);
        Map<Integer, PendingCall> pending = new HashMap<>(a.pendingCalls);
        pending.putAll(b.pendingCalls);
        Set<StorageKey> unset = new HashSet<>(a.unsetLargeIntegers);
        unset.retainAll(b.unsetLargeIntegers);
        Emulation memory = a.emulation.operationCount() >= b.emulation.operationCount() ? a.emulation : b.emulation;
        ReplayState joined = new ReplayState(agreed, memory.fork(), regions, escaped, pending, unset,
                a.trace.length() >= b.trace.length() ? a.trace : b.trace);
        joined.returnValue = joinValues(a.returnValue, b.returnValue).orElse(Value.unknown());
        joined.terminated = a.terminated && b.terminated;
        joined.merged = true;
        joined.exit = a.exit != null ? a.exit : b.exit;
        return joined;
    }

    private static Optional<Value> joinValues(Value a, Value b) {
        if (a.equals(b)) {
            return Optional.of(a);
        }
        if (a.pointee().orElse(null) instanceof Pointee.Region && isNull(b)) {
            return Optional.of(a);
        }
        if (b.pointee().orElse(null) instanceof Pointee.Region && isNull(a)) {
            return Optional.of(b);
        }
        return Optional.empty();
    }

    private static boolean isNull(Value value) {
        return value.isKnown() && value.longValue() == 0 && value.pointee().isEmpty();
    }
}
