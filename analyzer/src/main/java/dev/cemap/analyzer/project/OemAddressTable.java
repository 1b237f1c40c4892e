package dev.cemap.analyzer.project;

import dev.cemap.analyzer.frontend.FrontEnd;
import dev.cemap.analyzer.frontend.IntegerExpression;
import dev.cemap.analyzer.frontend.ParsedFile;
import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.emulator.VirtualLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OEMAddressTable: how the kernel's static window 0x80000000–0x9FFFFFFF (cached, and its
 * uncached alias at 0xA0000000) maps onto physical memory. Each row is virtual base, physical
 * base and size in megabytes; a row of size 0 ends the table. ARM BSPs write it as
 * {@code g_oalAddressTable[]} (or {@code OEMAddressTable}) in C or as a {@code DCD} table in an
 * assembler {@code .inc} file; both are read here.
 */
public final class OemAddressTable {

    /** Notification id for a table row that cannot be read. */
    public static final String SYNTAX = "address-table-syntax";

    private static final Set<String> TABLE_NAMES = Set.of("g_oaladdresstable", "oemaddresstable");
    private static final long MEGABYTE = 0x100000L;
    private static final Pattern EQU = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\s+EQU\\s+(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DCD = Pattern.compile("^(?:([A-Za-z_][A-Za-z0-9_]*)\\s+)?DCD\\s+(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ARM_HEX = Pattern.compile("(?<![0-9A-Za-z_])&([0-9A-Fa-f]+)");

    /**
     * One row.
     *
     * @param virtualBase  the cached static virtual address (0x8xxxxxxx)
     * @param physicalBase the physical address it maps
     * @param sizeMegabytes the size in MB
     * @param location     where the row is written
     */
    public record Row(long virtualBase, long physicalBase, long sizeMegabytes, SourceLocation location) {

        public long sizeBytes() {
            return sizeMegabytes * MEGABYTE;
        }

        boolean containsVirtual(long va) {
            return va >= virtualBase && va < virtualBase + sizeBytes();
        }
    }

    /** A physical range {@code [base, base + size)}. */
    public record PhysicalRange(long base, long size) {
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

    /** Whether a file's text may hold the table: a cheap test before parsing it. */
    public static boolean mayHoldTable(String text) {
        return text.contains("g_oalAddressTable") || text.contains("OEMAddressTable");
    }

    /**
     * The table defined in a C file (or a header it includes), parsed with the C front end so
     * that macros ({@code { 0x80000000, DRAM_BASE_PA, 64 }}) and casts are resolved.
     */
    public static OemAddressTable fromC(Path file, FrontEnd frontEnd) {
        ParsedFile parsed = frontEnd.parse(file);
        List<Notification> notes = new ArrayList<>();
        List<Row> rows = parsed.translationUnit()
                .map(unit -> CAddressTable.rows(unit, parsed::locationOf, TABLE_NAMES, notes))
                .orElse(List.of());
        return new OemAddressTable(rows, notes);
    }

    /**
     * The table of an ARM assembler file: the label {@code g_oalAddressTable} (or
     * {@code OEMAddressTable}) followed by {@code DCD virtual, physical, megabytes} lines; names
     * defined with {@code EQU} in the same file are resolved.
     */
    public static OemAddressTable fromAssembly(Path file) {
        List<String> lines;
        try {
            lines = BuildFileReader.decode(Files.readAllBytes(file)).lines().toList();
        } catch (IOException | RuntimeException e) {
            return new OemAddressTable(List.of(), List.of(Notification.at(BuildFileReader.UNREADABLE, Level.WARNING,
                    SourceLocation.of(file, 1, 1), "cannot read " + file.getFileName() + " (" + e.getClass().getSimpleName()
                            + "); its address table is unknown")));
        }
        Map<String, String> equates = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        List<Notification> notes = new ArrayList<>();
        boolean inTable = false;
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String text = BuildFileReader.withoutComment(raw).strip();
            Matcher equ = EQU.matcher(text);
            if (equ.matches()) {
                equates.put(equ.group(1), armHex(equ.group(2)));
                continue;
            }
            if (text.isEmpty()) {
                continue;
            }
            Matcher dcd = DCD.matcher(text);
            boolean startsAtColumnZero = !raw.isEmpty() && !Character.isWhitespace(raw.charAt(0));
            String firstWord = text.split("\\s+")[0];
            if (startsAtColumnZero && TABLE_NAMES.contains(firstWord.toLowerCase(Locale.ROOT))) {
                inTable = true;
                if (!dcd.matches()) {
                    continue; // the label alone; the rows follow
                }
            } else if (!inTable) {
                continue;
            }
            if (!dcd.matches()) {
                inTable = false; // the next label or directive ends the table
                continue;
            }
            SourceLocation at = SourceLocation.of(file, i + 1, 1);
            Optional<Row> row = dcdRow(dcd.group(2), equates, at, notes);
            if (row.isPresent() && row.get().sizeMegabytes() == 0) {
                inTable = false;
            } else {
                row.ifPresent(rows::add);
            }
        }
        return new OemAddressTable(rows, notes);
    }

    private static Optional<Row> dcdRow(String operands, Map<String, String> equates, SourceLocation at,
            List<Notification> notes) {
        String[] values = operands.split(",");
        if (values.length != 3) {
            notes.add(problem(at, "an address table row is DCD virtual, physical, megabytes"));
            return Optional.empty();
        }
        IntegerExpression.Names names = new IntegerExpression.Names() {
            @Override
            public OptionalLong value(String name) {
                String text = equates.get(name);
                return text == null || text.contains(name) ? OptionalLong.empty() : IntegerExpression.evaluate(text, this);
            }

            @Override
            public Optional<Boolean> isDefined(String name) {
                return Optional.of(equates.containsKey(name));
            }
        };
        long[] numbers = new long[3];
        for (int i = 0; i < 3; i++) {
            OptionalLong value = IntegerExpression.evaluate(armHex(values[i]), names);
            if (value.isEmpty()) {
                notes.add(problem(at, "cannot evaluate '" + values[i].strip() + "'; the row is ignored"));
                return Optional.empty();
            }
            numbers[i] = value.getAsLong() & 0xFFFFFFFFL;
        }
        return Optional.of(new Row(numbers[0], numbers[1], numbers[2], at));
    }

    /** ARM assembler writes hex as {@code &80000000}. */
    private static String armHex(String text) {
        return ARM_HEX.matcher(text).replaceAll("0x$1");
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

    /**
     * The physical address of a static kernel virtual address (cached 0x8…, or the uncached alias
     * 0xA…); empty when no row covers it.
     */
    public OptionalLong toPhysical(long va) {
        long cached = va >= VirtualLayout.STATIC_UNCACHED_BASE && va < VirtualLayout.STATIC_END
                ? va - (VirtualLayout.STATIC_UNCACHED_BASE - VirtualLayout.STATIC_CACHED_BASE) : va;
        for (Row row : rows) {
            if (row.containsVirtual(cached)) {
                return OptionalLong.of(row.physicalBase() + (cached - row.virtualBase()));
            }
        }
        return OptionalLong.empty();
    }

    /** The cached static virtual address (0x8…) the table maps onto {@code pa}; empty when no row does. */
    public OptionalLong toVirtual(long pa) {
        for (Row row : rows) {
            if (pa >= row.physicalBase() && pa < row.physicalBase() + row.sizeBytes()) {
                return OptionalLong.of(row.virtualBase() + (pa - row.physicalBase()));
            }
        }
        return OptionalLong.empty();
    }

    /**
     * The physical pieces of the static virtual range {@code [va, va + size)}, one per table row
     * it passes through; empty when any byte of it is not covered by the table.
     */
    public List<PhysicalRange> translate(long va, long size) {
        List<PhysicalRange> pieces = new ArrayList<>();
        long at = va;
        long end = va + size;
        while (at < end) {
            OptionalLong physical = toPhysical(at);
            Optional<Row> row = rowAt(at);
            if (physical.isEmpty() || row.isEmpty()) {
                return List.of();
            }
            long rowEnd = row.get().virtualBase() + row.get().sizeBytes();
            long cachedAt = at >= VirtualLayout.STATIC_UNCACHED_BASE
                    ? at - (VirtualLayout.STATIC_UNCACHED_BASE - VirtualLayout.STATIC_CACHED_BASE) : at;
            long length = Math.min(end - at, rowEnd - cachedAt);
            PhysicalRange last = pieces.isEmpty() ? null : pieces.get(pieces.size() - 1);
            if (last != null && last.base() + last.size() == physical.getAsLong()) {
                pieces.set(pieces.size() - 1, new PhysicalRange(last.base(), last.size() + length));
            } else {
                pieces.add(new PhysicalRange(physical.getAsLong(), length));
            }
            at += length;
        }
        return pieces;
    }

    private Optional<Row> rowAt(long va) {
        long cached = va >= VirtualLayout.STATIC_UNCACHED_BASE && va < VirtualLayout.STATIC_END
                ? va - (VirtualLayout.STATIC_UNCACHED_BASE - VirtualLayout.STATIC_CACHED_BASE) : va;
        return rows.stream().filter(row -> row.containsVirtual(cached)).findFirst();
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
