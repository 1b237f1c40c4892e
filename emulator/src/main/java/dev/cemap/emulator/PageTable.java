package dev.cemap.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The emulated page table: virtual page to entry, kept sorted for deterministic output. Pages
 * mapped alike by one call are stored as one {@link PageRun}, so that mapping, copying and
 * releasing a large region costs the same as a small one.
 */
public final class PageTable {
    /** Runs by first page; they never overlap. */
    private TreeMap<Long, PageRun> runs;
    /**
     * True while {@link #runs} may be shared with a copy: the replay copies address spaces at
     * every branch, so copies share the map until one of them writes.
     */
    private boolean shared;

    PageTable() {
        this(new TreeMap<>(), false);
    }

    private PageTable(TreeMap<Long, PageRun> runs, boolean shared) {
        this.runs = runs;
        this.shared = shared;
    }

    private TreeMap<Long, PageRun> writable() {
        if (shared) {
            runs = new TreeMap<>(runs);
            shared = false;
        }
        return runs;
    }

    /** The entry for the page holding {@code va}. */
    public Optional<PageTableEntry> entry(long va) {
        return runAt(Ce.pageBase(va)).map(run -> run.entryAt(Ce.pageBase(va)));
    }

    /** All entries, by virtual page. */
    public List<PageTableEntry> entries() {
        List<PageTableEntry> all = new ArrayList<>();
        runs.values().forEach(run -> all.addAll(run.entries()));
        return List.copyOf(all);
    }

    /** The entries for pages in {@code [start, endExclusive)}, by virtual page. */
    public List<PageTableEntry> entries(long start, long endExclusive) {
        List<PageTableEntry> found = new ArrayList<>();
        long from = Ce.pageBase(start);
        long to = Ce.roundUpToPage(endExclusive);
        if (to > from) {
            overlapping(from, to).forEach(run -> found.addAll(run.slice(from, to).entries()));
        }
        return found;
    }

    public int size() {
        long pages = 0;
        for (PageRun run : runs.values()) {
            pages += run.pages();
        }
        return (int) pages;
    }

    void put(PageTableEntry entry) {
        put(PageRun.of(entry));
    }

    /** Maps the run's pages, replacing what mapped them before. */
    void put(PageRun run) {
        removeRange(run.firstPage(), run.endExclusive());
        writable().put(run.firstPage(), run);
    }

    void remove(long virtualPage) {
        removeRange(virtualPage, virtualPage + Ce.PAGE_SIZE);
    }

    void removeRange(long start, long endExclusive) {
        if (endExclusive <= start) {
            return;
        }
        List<PageRun> hit = overlapping(start, endExclusive);
        if (hit.isEmpty()) {
            return;
        }
        TreeMap<Long, PageRun> target = writable();
        for (PageRun run : hit) {
            target.remove(run.firstPage());
            if (run.firstPage() < start) {
                target.put(run.firstPage(), run.slice(run.firstPage(), start));
            }
            if (run.endExclusive() > endExclusive) {
                target.put(endExclusive, run.slice(endExclusive, run.endExclusive()));
            }
        }
    }

    /**
     * Gives every page of {@code [start, endExclusive)} the protection {@code protect}: mapped
     * pages keep their frame and origin, the others become RAM committed by MEM_COMMIT.
     */
    void commit(long start, long endExclusive, int protect) {
        List<PageRun> mapped = overlapping(start, endExclusive).stream()
                .map(run -> run.slice(start, endExclusive).withProtect(protect)).toList();
        removeRange(start, endExclusive);
        TreeMap<Long, PageRun> target = writable();
        long next = start;
        for (PageRun run : mapped) {
            if (run.firstPage() > next) {
                target.put(next, committedRam(next, run.firstPage(), protect));
            }
            target.put(run.firstPage(), run);
            next = run.endExclusive();
        }
        if (endExclusive > next) {
            target.put(next, committedRam(next, endExclusive, protect));
        }
    }

    private static PageRun committedRam(long start, long endExclusive, int protect) {
        return new PageRun(start, (endExclusive - start) / Ce.PAGE_SIZE, OptionalLong.empty(), protect,
                "MEM_COMMIT");
    }

    /** An independent copy; runs are immutable, so both share the map until one writes. */
    PageTable copy() {
        shared = true;
        return new PageTable(runs, true);
    }

    private Optional<PageRun> runAt(long page) {
        Map.Entry<Long, PageRun> floor = runs.floorEntry(page);
        return floor != null && floor.getValue().contains(page) ? Optional.of(floor.getValue()) : Optional.empty();
    }

    /** The runs with a page in {@code [start, endExclusive)}, by first page. */
    private List<PageRun> overlapping(long start, long endExclusive) {
        List<PageRun> hit = new ArrayList<>();
        runAt(start).ifPresent(hit::add);
        for (PageRun run : runs.subMap(start, false, endExclusive, false).values()) {
            hit.add(run);
        }
        return hit;
    }
}
