package dev.cemap.emulator;

import java.util.AbstractList;
import java.util.List;
import java.util.OptionalLong;
import java.util.RandomAccess;

/**
 * Consecutive virtual pages mapped by one call the same way: page {@code i} of the run maps
 * physical page {@code firstFrame + i} pages (or RAM the kernel chose), all with one protection
 * and one kind of origin. A frame buffer mapped on every path of a replay is one run, not
 * thousands of entries; the entries are made when someone asks for them.
 *
 * @param firstPage   virtual address of the first page
 * @param pages       number of pages, at least one
 * @param firstFrame  physical address of the first page; empty for RAM the kernel chose
 * @param protect     the PAGE_* value of every page
 * @param origin      how every page was made, for findings; null for a PAGE_PHYSICAL VirtualCopy,
 *                    whose entries name their own physical page
 */
record PageRun(long firstPage, long pages, OptionalLong firstFrame, int protect, String origin) {

    PageRun {
        if (pages < 1) {
            throw new IllegalArgumentException("a run has at least one page, got " + pages);
        }
    }

    /** One entry as it stands. */
    static PageRun of(PageTableEntry entry) {
        return new PageRun(entry.virtualPage(), 1, entry.physicalPage(), entry.protect(), entry.origin());
    }

    /** Pages a PAGE_PHYSICAL VirtualCopy mapped onto consecutive physical pages from {@code firstFrame}. */
    static PageRun physicalCopy(long firstPage, long pages, long firstFrame, int protect) {
        return new PageRun(firstPage, pages, OptionalLong.of(firstFrame), protect, null);
    }

    long endExclusive() {
        return firstPage + pages * Ce.PAGE_SIZE;
    }

    boolean contains(long page) {
        return page >= firstPage && page < endExclusive();
    }

    PageTableEntry entryAt(long page) {
        long offset = page - firstPage;
        OptionalLong frame = firstFrame.isPresent() ? OptionalLong.of(firstFrame.getAsLong() + offset) : firstFrame;
        String made = origin != null ? origin : "VirtualCopy PAGE_PHYSICAL " + Hex.addr(frame.getAsLong());
        return new PageTableEntry(page, frame, protect, made);
    }

    /** The part of this run in {@code [from, to)}, which must overlap it. */
    PageRun slice(long from, long to) {
        long start = Math.max(from, firstPage);
        long end = Math.min(to, endExclusive());
        OptionalLong frame = firstFrame.isPresent()
                ? OptionalLong.of(firstFrame.getAsLong() + (start - firstPage)) : firstFrame;
        return new PageRun(start, (end - start) / Ce.PAGE_SIZE, frame, protect, origin);
    }

    PageRun withProtect(int newProtect) {
        return new PageRun(firstPage, pages, firstFrame, newProtect, origin);
    }

    /** The run's entries, made one by one as they are read. */
    List<PageTableEntry> entries() {
        return new Entries(this);
    }

    /** Immutable, like the lists it replaces; equal to any list of the same entries. */
    private static final class Entries extends AbstractList<PageTableEntry> implements RandomAccess {
        private final PageRun run;

        Entries(PageRun run) {
            this.run = run;
        }

        @Override
        public PageTableEntry get(int index) {
            if (index < 0 || index >= size()) {
                throw new IndexOutOfBoundsException(index);
            }
            return run.entryAt(run.firstPage + index * Ce.PAGE_SIZE);
        }

        @Override
        public int size() {
            return (int) run.pages;
        }
    }

    /** Whether a list was made by {@link #entries()}: immutable already, so it need not be copied. */
    static boolean isRunList(List<PageTableEntry> list) {
        return list instanceof Entries;
    }
}
