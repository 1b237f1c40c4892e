package dev.cemap.analyzer.check;

import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.replay.RegionStatus;
import dev.cemap.analyzer.replay.TraceStep;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a checker may read of one replayed path. It never changes the path: facts are set through the context. */
public interface PathView {

    /** The value stored at {@code key}, when the path has seen it written. */
    Optional<Value> valueAt(StorageKey key);

    /** Every stored value, by where it is stored. */
    Map<StorageKey, Value> values();

    /** What the path knows about a region (reservation, mapping) the replay created, if it created it. */
    Optional<RegionStatus> status(int regionId);

    /** The regions the path created, with their status. */
    Map<Integer, RegionStatus> regions();

    /** True when the region was handed to code the replay cannot see, which may keep or release it. */
    boolean hasEscaped(int regionId);

    /** True when the heap block was handed to code the replay cannot see. */
    boolean hasBlockEscaped(int block);

    /** True when the heap block was freed on this path (LocalFree, free, delete). */
    boolean isBlockFreed(int block);

    /** A checker's fact on this path, or the key's absent value. */
    <T> T fact(FactKey<T> key);

    /** The steps this path took, for a finding's flow. */
    List<TraceStep> trace();

    /** True when the path was joined from others: what it holds is approximate. */
    boolean isMerged();

    /** The stored places that hold a pointer to the heap block. */
    default List<StorageKey> holdersOfBlock(int block) {
        return values().entrySet().stream()
                .filter(entry -> entry.getValue().pointsToBlock(block))
                .map(Map.Entry::getKey)
                .sorted(java.util.Comparator.comparing(StorageKey::toString))
                .toList();
    }

    /**
     * A place as the code names it: {@code pDev->pRegs} rather than {@code heap block 3->pRegs},
     * through a variable that points to the block.
     */
    default String describe(StorageKey key) {
        return describe(key, 0);
    }

    private String describe(StorageKey key, int depth) {
        if (key instanceof StorageKey.Field field) {
            return describe(field.owner(), depth) + "->" + field.name();
        }
        if (key instanceof StorageKey.Element element) {
            return describe(element.owner(), depth) + "[" + element.index() + "]";
        }
        if (key instanceof StorageKey.Block block && depth < 4) {
            List<StorageKey> names = holdersOfBlock(block.id());
            return names.isEmpty() ? key.toString() : describe(names.get(0), depth + 1);
        }
        return key.toString();
    }

    /** Where a value points into a region: the stored places that hold it. */
    default List<StorageKey> holdersOf(int regionId) {
        return values().entrySet().stream()
                .filter(entry -> entry.getValue().pointsInto(regionId))
                .map(Map.Entry::getKey)
                .sorted(java.util.Comparator.comparing(StorageKey::toString))
                .toList();
    }
}
