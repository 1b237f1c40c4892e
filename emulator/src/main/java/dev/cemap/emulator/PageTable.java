package dev.cemap.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The emulated page table: virtual page to entry, kept sorted for deterministic output. */
public final class PageTable {
    private final TreeMap<Long, PageTableEntry> entries = new TreeMap<>();

    PageTable() {
    }

    /** The entry for the page holding {@code va}. */
    public Optional<PageTableEntry> entry(long va) {
        return Optional.ofNullable(entries.get(Ce.pageBase(va)));
    }

    /** All entries, by virtual page. */
    public List<PageTableEntry> entries() {
        return List.copyOf(entries.values());
    }

    /** The entries for pages in {@code [start, endExclusive)}, by virtual page. */
    public List<PageTableEntry> entries(long start, long endExclusive) {
        if (endExclusive <= start) {
            return List.of();
        }
        return new ArrayList<>(entries.subMap(Ce.pageBase(start), true, endExclusive, false).values());
    }

    public int size() {
        return entries.size();
    }

    void put(PageTableEntry entry) {
        entries.put(entry.virtualPage(), entry);
    }

    void remove(long virtualPage) {
        entries.remove(virtualPage);
    }

    void removeRange(long start, long endExclusive) {
        if (endExclusive > start) {
            entries.subMap(start, true, endExclusive, false).clear();
        }
    }

    PageTable copy() {
        PageTable out = new PageTable();
        for (Map.Entry<Long, PageTableEntry> e : entries.entrySet()) {
            out.entries.put(e.getKey(), e.getValue());
        }
        return out;
    }
}
