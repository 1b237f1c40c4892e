package dev.cemap.analyzer.project;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.analyzer.model.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A binary image builder file: {@code config.bib} (the {@code MEMORY} section that tells the
 * kernel which RAM it owns, and the {@code CONFIG} section) or {@code platform.bib} (the
 * {@code MODULES} that go into the image, with the {@code K} flag that loads a DLL into the
 * kernel on CE 6). Addresses in a {@code .bib} file are the kernel's static virtual addresses
 * (0x8xxxxxxx); {@link OemAddressTable} turns them into physical ones.
 *
 * <p>Preprocessed like makeimg ({@link BuildFileReader}): {@code #define}, {@code #include} of C
 * headers, {@code $(NAME)}, {@code #if}, romimage's {@code IF X [!]}/{@code ELSE}/{@code ENDIF};
 * entries the scan cannot decide are kept, each with its {@link Condition}. Bad lines are
 * {@code bib-syntax} notifications. Which bib files make the OS image is the project's call
 * ({@link OsImageFiles}): a boot loader's bib file parses the same way but is another image.
 */
public final class BibFile {

    /** Notification id for a line of a {@code .bib} file that cannot be read. */
    public static final String SYNTAX = "bib-syntax";

    private static final Set<String> SECTIONS = Set.of("MEMORY", "CONFIG", "MODULES", "FILES");

    /** The kinds of MEMORY entries, as romimage names them (memory.h). */
    public enum MemoryType {
        /** The kernel's RAM (heap, stacks, the object store). */
        RAM,
        /** Where the image (nk.bin) lives; kernel-managed once booted. */
        RAMIMAGE,
        /** A region of a multi-XIP image kept in NAND and paged in: address space, not RAM of its own. */
        NANDIMAGE,
        /** Flash the image runs from ({@code ROM_8}, {@code ROM_16}, {@code ROMX8}). */
        ROM,
        /** Left out of the kernel's RAM: frame buffers, DMA buffers, shared areas. */
        RESERVED,
        /** Not memory: a value romimage writes into a kernel variable. */
        FIXUPVAR,
        /** A ROM extension block inside an image region. */
        EXTENSION;

        /** romimage's names, any case; empty for anything else. */
        static Optional<MemoryType> of(String written) {
            return switch (written.toUpperCase(Locale.ROOT)) {
                case "RAM" -> Optional.of(RAM);
                case "RAMIMAGE" -> Optional.of(RAMIMAGE);
                case "NANDIMAGE" -> Optional.of(NANDIMAGE);
                case "ROM_8", "ROM_16", "ROMX8" -> Optional.of(ROM);
                case "RESERVED" -> Optional.of(RESERVED);
                case "FIXUPVAR" -> Optional.of(FIXUPVAR);
                case "EXTENSION" -> Optional.of(EXTENSION);
                default -> Optional.empty();
            };
        }
    }

    /**
     * One MEMORY line: {@code NAME ADDRESS SIZE TYPE}.
     *
     * @param address   the static virtual address as written (hex); for FIXUPVAR, the value
     * @param condition when the image has it: the undecided {@code #if}/{@code IF} around it and the
     *                  alternatives of the {@code $(NAME)}s it was written with
     */
    public record MemoryEntry(String name, long address, long size, MemoryType type, SourceLocation location,
            Condition condition) {

        /** Kernel-managed RAM: RAM and RAMIMAGE entries. */
        public boolean isKernelRam() {
            return type == MemoryType.RAM || type == MemoryType.RAMIMAGE;
        }

        /** Whether a configuration the scan cannot decide leaves it out or writes it otherwise. */
        public boolean conditional() {
            return !condition.isAlways();
        }
    }

    /**
     * One MODULES line: {@code name path memory-section [flags]}.
     *
     * @param flags the flags as written ({@code SHK}), empty when none
     */
    public record ModuleEntry(String name, String path, String memory, String flags, SourceLocation location,
            Condition condition) {

        /** {@code K}: on CE 6 and later the module is loaded into the kernel (a kernel-mode DLL). */
        public boolean loadsIntoKernel() {
            return flags.toUpperCase(Locale.ROOT).indexOf('K') >= 0;
        }

        /** {@code gpio.dll} matches module {@code gpio}. */
        public boolean isModule(String moduleName) {
            return DriverKey.baseName(name).equals(DriverKey.baseName(moduleName));
        }

        public boolean conditional() {
            return !condition.isAlways();
        }
    }

    /** A CONFIG line, kept as written ({@code AUTOSIZE=ON}). */
    public record ConfigLine(String text, SourceLocation location, Condition condition) {
    }

    private final Path file;
    private final List<MemoryEntry> memory;
    private final List<ConfigLine> config;
    private final List<ModuleEntry> modules;
    private final List<Notification> notifications;
    private final Set<Path> filesRead;

    private BibFile(Path file, List<MemoryEntry> memory, List<ConfigLine> config, List<ModuleEntry> modules,
            List<Notification> notifications, Set<Path> filesRead) {
        this.file = file;
        this.memory = List.copyOf(memory);
        this.config = List.copyOf(config);
        this.modules = List.copyOf(modules);
        this.notifications = List.copyOf(notifications);
        this.filesRead = Set.copyOf(filesRead);
    }

    /** Reads a {@code .bib} file and what it includes; never throws. */
    public static BibFile parse(Path file, Map<String, String> defines) {
        return parse(file, defines, Optional.empty());
    }

    /** @param bspRoot where {@code $(_TARGETPLATROOT)} points, if known */
    public static BibFile parse(Path file, Map<String, String> defines, Optional<Path> bspRoot) {
        Path absolute = file.toAbsolutePath().normalize();
        BuildFileReader.Result read = BuildFileReader.read(absolute, BuildFileReader.Syntax.BIB,
                new BuildVariables(defines, bspRoot), bspRoot);
        List<MemoryEntry> memory = new ArrayList<>();
        List<ConfigLine> config = new ArrayList<>();
        List<ModuleEntry> modules = new ArrayList<>();
        List<Notification> notes = new ArrayList<>(read.notifications());
        String section = "";
        for (BuildFileReader.Line line : read.lines()) {
            String upper = line.text().strip().toUpperCase(Locale.ROOT);
            if (SECTIONS.contains(upper)) {
                section = upper;
                continue;
            }
            switch (section) {
                case "MEMORY" -> memoryLine(line, notes).ifPresent(memory::add);
                case "CONFIG" -> config.add(new ConfigLine(line.text(), line.location(), line.condition()));
                case "MODULES" -> moduleLine(line, notes).ifPresent(modules::add);
                case "FILES" -> {
                    // Data files: nothing runs from them.
                }
                default -> notes.add(problem(line.location(), "entry before any MEMORY, CONFIG, MODULES or FILES "
                        + "section: " + line.text()));
            }
        }
        return new BibFile(absolute, memory, config, modules, notes, read.filesRead());
    }

    public Path file() {
        return file;
    }

    /** MEMORY entries in order, FIXUPVARs included. */
    public List<MemoryEntry> memory() {
        return memory;
    }

    public List<ConfigLine> config() {
        return config;
    }

    public List<ModuleEntry> modules() {
        return modules;
    }

    public List<Notification> notifications() {
        return notifications;
    }

    public Set<Path> filesRead() {
        return filesRead;
    }

    /** romimage's {@code Memory::set}: 3 to 5 fields; {@code reserve} needs no type; EXTENSION names its image. */
    private static Optional<MemoryEntry> memoryLine(BuildFileReader.Line line, List<Notification> notes) {
        String[] fields = line.text().strip().split("\\s+");
        boolean reserve = fields.length == 3 && fields[0].equalsIgnoreCase("reserve");
        if ((fields.length != 4 && fields.length != 5 && !reserve) || (fields.length == 5
                && !fields[3].equalsIgnoreCase("EXTENSION"))) {
            notes.add(problem(line.location(), "a MEMORY entry is NAME ADDRESS SIZE TYPE: " + line.text()));
            return Optional.empty();
        }
        Optional<MemoryType> type = reserve ? Optional.of(MemoryType.RESERVED) : MemoryType.of(fields[3]);
        OptionalLong address = hex(fields[1]);
        OptionalLong size = hex(fields[2]);
        if (type.isEmpty()) {
            notes.add(problem(line.location(), "unknown MEMORY type " + fields[3]
                    + " (expected RAM, RAMIMAGE, NANDIMAGE, ROM_8, ROM_16, ROMX8, RESERVED, FIXUPVAR or EXTENSION)"));
            return Optional.empty();
        }
        if (address.isEmpty() || size.isEmpty()) {
            notes.add(problem(line.location(), "MEMORY entry " + fields[0] + ": address and size must be hexadecimal"
                    + (line.text().contains("$(") ? " (" + unknownReferences(line.text()) + " not known)" : "")));
            return Optional.empty();
        }
        return Optional.of(new MemoryEntry(fields[0], address.getAsLong(), size.getAsLong(), type.get(),
                line.location(), line.condition()));
    }

    private static String unknownReferences(String text) {
        return String.join(", ", BuildVariables.Reference.all(text).stream().map(r -> "$(" + r.name() + ")")
                .distinct().toList());
    }

    private static Optional<ModuleEntry> moduleLine(BuildFileReader.Line line, List<Notification> notes) {
        String[] fields = line.text().strip().split("\\s+");
        if (fields.length < 3 || fields.length > 4) {
            notes.add(problem(line.location(), "a MODULES entry is NAME PATH MEMORY [FLAGS]: " + line.text()));
            return Optional.empty();
        }
        return Optional.of(new ModuleEntry(fields[0], fields[1], fields[2], fields.length == 4 ? fields[3] : "",
                line.location(), line.condition()));
    }

    /** Bib numbers are hexadecimal, with or without {@code 0x}. */
    private static OptionalLong hex(String text) {
        String digits = text.regionMatches(true, 0, "0x", 0, 2) ? text.substring(2) : text;
        try {
            return digits.length() <= 16 ? OptionalLong.of(Long.parseUnsignedLong(digits, 16)) : OptionalLong.empty();
        } catch (NumberFormatException notHex) {
            return OptionalLong.empty();
        }
    }

    private static Notification problem(SourceLocation at, String message) {
        return Notification.at(SYNTAX, Level.WARNING, at, at.file().getFileName() + ":" + at.line() + ": " + message);
    }
}
