package dev.cemap.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The emulated page table: virtual page to entry, kept sorted for deterministic output. */
public final class PageTable {
    private TreeMap<Long, PageTableEntry> entries;
    /**
     * True while {@link #entries} may be shared with a copy: the replay copies address spaces at
     * every branch, and a large mapping has thousands of entries, so copies share the map until
     * one of them writes.
     */
    private boolean shared;

    PageTable() {
        this(new TreeMap<>(), false);
    }

    private PageTable(TreeMap<Long, PageTableEntry> entries, boolean shared) {
        this.entries = entries;
        this.shared = shared;
    }

    private TreeMap<Long, PageTableEntry> writable() {
        if (shared) {
            entries = new TreeMap<>(entries);
            shared = false;
        }
        return entries;
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
        writable().put(entry.virtualPage(), entry);
    }

    void remove(long virtualPage) {
        if (entries.containsKey(virtualPage)) {
            writable().remove(virtualPage);
        }
    }

    void removeRange(long start, long endExclusive) {
        if (endExclusive > start && !entries.subMap(start, true, endExclusive, false).isEmpty()) {
            writable().subMap(start, true, endExclusive, false).clear();
        }
    }

    /** An independent copy; entries are immutable, so both share the map until one writes. */
    PageTable copy() {
        shared = true;
        return new PageTable(entries, true);
    }
}
