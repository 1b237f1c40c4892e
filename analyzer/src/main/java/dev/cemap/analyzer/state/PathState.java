package dev.cemap.analyzer.state;

import dev.cemap.analyzer.check.FactKey;
import dev.cemap.analyzer.check.PathView;
import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.replay.RegionStatus;
import dev.cemap.analyzer.replay.TraceStep;
import dev.cemap.emulator.Ce;
import dev.cemap.emulator.CeVersion;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one replayed path knows: stored values, its emulated address space, the resources it
 * created, the facts checkers keep on it, and the steps it took.
 *
 * <p>A state belongs to one path. Code that hands a state to the engine must not use it again:
 * the engine may change it in place when a step has one successor, and forks it when there are
 * several. {@link #fork} gives an independent copy (the emulated memory is copied on write).
 */
public final class PathState implements PathView {

    private final Store store;
    private final Emulation emulation;
    private final Resources resources;
    private final Facts facts;
    private Trace trace;
    private boolean merged;

    public PathState(CeVersion version) {
        this(new Store(), new Emulation(version), new Resources(), new Facts(), Trace.EMPTY, false);
    }

    private PathState(Store store, Emulation emulation, Resources resources, Facts facts, Trace trace,
            boolean merged) {
        this.store = store;
        this.emulation = emulation;
        this.resources = resources;
        this.facts = facts;
        this.trace = trace;
        this.merged = merged;
    }

    public PathState fork() {
        return new PathState(store.copy(), emulation.fork(), resources.copy(), facts.copy(), trace, merged);
    }

    /**
     * Where two paths meet and cannot be kept apart (the path budget, a function's exits joined):
     * values and facts survive where both agree, region statuses that differ become MAYBE. The
     * emulated memory is that of the path with more operations, because the emulator cannot
     * represent "either". Leak checks skip joined paths: what they hold is a guess.
     */
    public static PathState join(PathState a, PathState b) {
        Emulation memory = a.emulation.operationCount() >= b.emulation.operationCount() ? a.emulation : b.emulation;
        return new PathState(Store.join(a.store, b.store), memory.fork(), Resources.join(a.resources, b.resources),
                Facts.join(a.facts, b.facts), a.trace.length() >= b.trace.length() ? a.trace : b.trace, true);
    }

    /** Two paths with equal keys behave alike from here on, whatever steps led there. */
    public Object equivalenceKey() {
        return List.of(store, resources.equivalenceKey(), facts.asMap(), merged);
    }

    // --- storage ---

    /** The value stored at {@code key}; 0 for what a zero-filled heap block never had written; else null. */
    public Value read(StorageKey key) {
        Value stored = store.read(key);
        if (stored == null && key.root() instanceof StorageKey.Block block && !key.equals(block)
                && resources.isBlockZeroed(block.id())) {
            return Value.of(0);
        }
        return stored;
    }

    public void write(StorageKey key, Value value) {
        store.write(key, value);
    }

    /** Forgets what is stored at these keys and everything reached through them. */
    public void forget(Collection<StorageKey> keys) {
        store.forget(keys);
        for (StorageKey key : keys) {
            if (key.root() instanceof StorageKey.Block block && resources.isBlockZeroed(block.id())) {
                store.write(key, Value.unknown()); // no longer the zero it was allocated with
            }
        }
    }

    /** The allocator filled the block with zeros. */
    public void zeroBlock(int block) {
        resources.zeroBlock(block);
    }

    /** Forgets what is reached through {@code key}, not {@code key} itself: {@code *p} changed, not {@code p}. */
    public void forgetBelow(StorageKey key) {
        store.forgetBelow(key);
        if (key instanceof StorageKey.Block block) {
            resources.unzeroBlock(block.id()); // the whole object was written: its fields are no longer 0
        }
    }

    public void rebase(StorageKey from, StorageKey to) {
        store.rebase(from, to);
    }

    public Map<StorageKey, Value> stash(StorageKey root) {
        return store.stash(root);
    }

    public void restore(Map<StorageKey, Value> stashed) {
        store.restore(stashed);
    }

    @Override
    public Optional<Value> valueAt(StorageKey key) {
        return Optional.ofNullable(store.read(key));
    }

    @Override
    public Map<StorageKey, Value> values() {
        return store.asMap();
    }

    // --- resources ---

    public void created(int regionId) {
        resources.created(regionId);
    }

    @Override
    public Optional<RegionStatus> status(int regionId) {
        return resources.status(regionId);
    }

    public void setStatus(int regionId, RegionStatus status) {
        resources.setStatus(regionId, status);
    }

    @Override
    public Map<Integer, RegionStatus> regions() {
        return resources.statuses();
    }

    /** The region was handed to code the replay cannot see: it may be kept or released there. */
    public void escape(int regionId) {
        resources.escape(regionId);
    }

    @Override
    public boolean hasEscaped(int regionId) {
        return resources.hasEscaped(regionId);
    }

    /** A heap block handed to code the replay cannot see: what it holds may be kept there. */
    public void escapeBlock(int block) {
        resources.escapeBlock(block);
    }

    @Override
    public boolean hasBlockEscaped(int block) {
        return resources.hasBlockEscaped(block);
    }

    public boolean canBlockBeNull(int block, boolean isNull) {
        return resources.canBlockBeNull(block, isNull);
    }

    public void learnBlockNull(int block, boolean isNull) {
        resources.learnBlockNull(block, isNull);
    }

    public void freeBlock(int block) {
        resources.freeBlock(block);
    }

    @Override
    public boolean isBlockFreed(int block) {
        return resources.isBlockFreed(block);
    }

    public void pending(int callId, PendingCall call) {
        resources.pending(callId, call);
    }

    /** Applies what a branch learned: the call succeeded or failed on this path. */
    public void learnOutcome(int callId, boolean succeeded) {
        resources.learnOutcome(callId, succeeded).filter(call -> call.undoAddress().isPresent()).ifPresent(call ->
                emulation.operate().virtualFree(Resources.undoStart(call), Resources.undoSize(call), Ce.MEM_DECOMMIT));
    }

    /** What a pointer compared with NULL tells about the region behind it. */
    public void learnNull(int regionId, boolean isNull) {
        if (resources.learnNull(regionId, isNull)) {
            emulation.release(regionId);
        }
    }

    public boolean canBeNull(int regionId, boolean isNull) {
        return resources.canBeNull(regionId, isNull);
    }

    public Emulation emulation() {
        return emulation;
    }

    // --- facts ---

    @Override
    public <T> T fact(FactKey<T> key) {
        return facts.get(key);
    }

    public <T> void setFact(FactKey<T> key, T value) {
        facts.set(key, value);
    }

    // --- the path ---

    public void step(TraceStep step) {
        trace = trace.then(step);
    }

    public Trace traceSoFar() {
        return trace;
    }

    @Override
    public List<TraceStep> trace() {
        return trace.steps();
    }

    @Override
    public boolean isMerged() {
        return merged;
    }
}
