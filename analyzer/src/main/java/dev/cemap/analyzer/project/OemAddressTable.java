package dev.cemap.analyzer.project;

import dev.cemap.analyzer.frontend.FrontEnd;
import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.emulator.VirtualLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The OEMAddressTable: how the kernel's static window 0x80000000–0x9FFFFFFF (cached, and its
 * uncached alias at 0xA0000000) maps onto physical memory. ARM BSPs write it as
 * {@code g_oalAddressTable[]} in C ({@link CAddressTable}) or as {@code DCD} rows in an assembler
 * {@code .inc}, x86 BSPs as {@code dd} rows of {@code _OEMAddressTable} ({@link AssemblyAddressTable}).
 * The kernel walks the rows in order and takes the first that covers an address; a row of size 0
 * ends the table.
 *
 * <p>Rows under a condition the scan cannot decide are kept with it, and so is every table a
 * BSP defines (some hold one per memory part and pick one at boot): a translation names the
 * configurations it holds in.
 */
public final class OemAddressTable {

    /** Notification id for a table row that cannot be read. */
    public static final String SYNTAX = "address-table-syntax";

    /**
     * One row.
     *
     * @param virtualBase  the cached static virtual address (0x8xxxxxxx)
     * @param physicalBase the physical address it maps
     * @param sizeBytes    the size in bytes (ARM tables write megabytes, x86 tables bytes)
     * @param location     where the row is written
     * @param table        the table it belongs to: its label and file ({@code g_oalAddressTable in addrtab_cfg.inc})
     * @param condition    when the build has the row
     */
    public record Row(long virtualBase, long physicalBase, long sizeBytes, SourceLocation location, String table,
            Condition condition) {

        public Row {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(condition, "condition");
        }

        boolean containsVirtual(long va) {
            return va >= virtualBase && va < virtualBase + sizeBytes;
        }
    }

    /** A physical range {@code [base, base + size)}. */
    public record PhysicalRange(long base, long size) {
    }

    /**
     * Where a static virtual range lies physically in some configurations.
     *
     * @param pieces one range per run of contiguous physical memory
     * @param when   the configurations: the rows' conditions
     * @param tables the tables giving this translation; all of them when they agree
     */
    public record Translation(List<PhysicalRange> pieces, Condition when, Set<String> tables) {

        public Translation {
            pieces = List.copyOf(pieces);
            tables = Set.copyOf(tables);
        }
    }

    private final List<Row> rows;
    private final List<Notification> notifications;

    private OemAddressTable(List<Row> rows, List<Notification> notifications) {
        this.rows = List.copyOf(rows);
        this.notifications = List.copyOf(notifications);
    }

    /** A table from rows given directly. */
    public static OemAddressTable of(List<Row> rows) {
        return new OemAddressTable(rows, List.of());
    }

    static OemAddressTable of(List<Row> rows, List<Notification> notifications) {
        return new OemAddressTable(rows, notifications);
    }

    /** Whether a file's text may hold the table: a cheap test before parsing it. */
    public static boolean mayHoldTable(String text) {
        return text.contains("g_oalAddressTable") || text.contains("OEMAddressTable");
    }

    /**
     * The table defined in a C file (or a header it includes), parsed with the C front end so
     * that macros ({@code { 0x80000000, DRAM_BASE_PA, 64 }}) and casts are resolved, once per
     * configuration of the {@code #if}s around its rows.
     */
    public static OemAddressTable fromC(Path file, FrontEnd frontEnd) {
        List<Notification> notes = new ArrayList<>();
        List<Row> rows = CAddressTable.rows(file, frontEnd, notes);
        return new OemAddressTable(rows, notes);
    }

    /** The table of an assembler file on its own (see {@link AssemblyAddressTable}). */
    public static OemAddressTable fromAssembly(Path file) {
        Path folder = file.toAbsolutePath().normalize().getParent();
        return AssemblyAddressTable.read(file, folder == null ? file : folder, Map.of());
    }

    /**
     * The table of an assembler file of a project: {@code INCLUDE}s are also looked for in the
     * include folders of its {@code sources} file.
     */
    public static OemAddressTable fromAssembly(Path file, Path projectRoot, Map<String, String> defines) {
        return AssemblyAddressTable.read(file, projectRoot, defines);
    }

    static Notification problem(SourceLocation at, String message) {
        return Notification.at(SYNTAX, Level.WARNING, at, at.file().getFileName() + ":" + at.line() + ": " + message);
    }

    public List<Row> rows() {
        return rows;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public List<Notification> notifications() {
        return notifications;
    }

    /** The tables, in the order their first rows were read. */
    public Set<String> tables() {
        Set<String> tables = new LinkedHashSet<>();
        rows.forEach(row -> tables.add(row.table()));
        return tables;
    }

    /**
     * The physical address of a static kernel virtual address (cached 0x8…, or the uncached alias
     * 0xA…) by the first row that covers it; empty when no row does.
     */
    public OptionalLong toPhysical(long va) {
        long cached = cached(va);
        return rows.stream().filter(row -> row.containsVirtual(cached)).findFirst()
                .map(row -> OptionalLong.of(row.physicalBase() + (cached - row.virtualBase())))
                .orElse(OptionalLong.empty());
    }

    /** The cached static virtual address (0x8…) the first row covering {@code pa} maps it to. */
    public OptionalLong toVirtual(long pa) {
        for (Row row : rows) {
            if (pa >= row.physicalBase() && pa < row.physicalBase() + row.sizeBytes()) {
                return OptionalLong.of(row.virtualBase() + (pa - row.physicalBase()));
            }
        }
        return OptionalLong.empty();
    }

    /**
     * Every way the range translates where {@code context} holds: per table, per combination of
     * row conditions, the kernel's first covering row. Configurations that give the same pieces
     * are one translation. A configuration that leaves a byte of the range unmapped gives none.
     */
    public List<Translation> translations(long va, long size, Condition context) {
        Map<List<PhysicalRange>, Translation> byPieces = new LinkedHashMap<>();
        for (String table : tables()) {
            for (Translation translation : translations(table, va, size, context)) {
                byPieces.merge(translation.pieces(), translation, (a, b) -> new Translation(a.pieces(),
                        a.when().or(b.when()), union(a.tables(), b.tables())));
            }
        }
        return List.copyOf(byPieces.values());
    }

    /** Where a table leaves some byte of a range unmapped. */
    public record Gap(String table, Condition when) {
    }

    /** The tables and configurations of {@code context} in which some byte of the range is not covered. */
    public List<Gap> gaps(long va, long size, Condition context) {
        List<Gap> gaps = new ArrayList<>();
        for (String table : tables()) {
            Condition covered = Condition.NEVER;
            for (Translation translation : translations(table, va, size, context)) {
                covered = covered.or(translation.when());
            }
            Condition gap = context.and(covered.not());
            if (gap.isPossible()) {
                gaps.add(new Gap(table, gap));
            }
        }
        return gaps;
    }

    private List<Translation> translations(String table, long va, long size, Condition context) {
        List<Row> ofTable = rows.stream().filter(row -> row.table().equals(table)).toList();
        List<Translation> found = new ArrayList<>();
        walk(ofTable, va, va + size, context, new ArrayList<>(), table, found);
        return found;
    }

    private static void walk(List<Row> rows, long at, long end, Condition when, List<PhysicalRange> pieces,
            String table, List<Translation> found) {
        if (at >= end) {
            found.add(new Translation(pieces, when, Set.of(table)));
            return;
        }
        long cached = cached(at);
        Condition notYet = when;
        for (Row row : rows) {
            if (!row.containsVirtual(cached) || !notYet.and(row.condition()).isPossible()) {
                continue;
            }
            // The kernel takes the first covering row: this one where the earlier ones are absent.
            Condition taken = notYet.and(row.condition());
            long length = Math.min(end - at, row.virtualBase() + row.sizeBytes() - cached);
            walk(rows, at + length, end, taken, appended(pieces, row.physicalBase() + (cached - row.virtualBase()),
                    length), table, found);
            notYet = notYet.and(row.condition().not());
            if (!notYet.isPossible()) {
                return;
            }
        }
    }

    private static List<PhysicalRange> appended(List<PhysicalRange> pieces, long base, long length) {
        List<PhysicalRange> result = new ArrayList<>(pieces);
        PhysicalRange last = result.isEmpty() ? null : result.get(result.size() - 1);
        if (last != null && last.base() + last.size() == base) {
            result.set(result.size() - 1, new PhysicalRange(last.base(), last.size() + length));
        } else {
            result.add(new PhysicalRange(base, length));
        }
        return result;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new LinkedHashSet<>(a);
        union.addAll(b);
        return union;
    }

    private static long cached(long va) {
        return va >= VirtualLayout.STATIC_UNCACHED_BASE && va < VirtualLayout.STATIC_END
                ? va - (VirtualLayout.STATIC_UNCACHED_BASE - VirtualLayout.STATIC_CACHED_BASE) : va;
    }

    /** Rows of both tables, without repeating a row read twice (a header parsed with two C files). */
    OemAddressTable merge(OemAddressTable other) {
        List<Row> merged = new ArrayList<>(rows);
        other.rows.stream().filter(row -> !merged.contains(row)).forEach(merged::add);
        List<Notification> notes = new ArrayList<>(notifications);
        other.notifications.stream().filter(n -> !notes.contains(n)).forEach(notes::add);
        return new OemAddressTable(merged, notes);
    }
}
