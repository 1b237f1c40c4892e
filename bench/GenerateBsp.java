import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a synthetic Windows CE 6 platform tree for the benchmark: PUBLIC/COMMON/OAK headers and
 * shared drivers, and several BSPs under PLATFORM with their SRC/INC headers, OAL, boot loader and
 * DRIVERS folders, each folder with a {@code sources} file, C and C++ files and local headers.
 *
 * <p>What it is meant to resemble: about 7 C/C++ files in 10, 2 headers, 1 {@code sources}; about
 * 200 lines a file; every driver reaching its registers through a chain of 8 to 10 nested BSP,
 * SoC and OAK headers of a few thousand lines; CRLF line ends (one file in ten LF); windows-1252
 * comments in one file in twenty. About 3% of the C/C++ files call VirtualAlloc/VirtualCopy or
 * MmMapIoSpace, a third of those with a defect cemap reports; every BSP also has a mapping
 * wrapper that about 1% of the files call. The rest is ordinary driver and OAL code: register
 * read-modify-write, IOCTL switches, registry reads, string handling, tables, interrupt threads,
 * power states, C++ device classes, debug zones and {@code #ifdef} blocks.
 *
 * <p>The same size and seed always give the same bytes. Besides the tree it writes
 * {@code bench-tree.properties} (counts) and {@code bench-expected.tsv} (the planted defects:
 * path, line, rule id), and {@code .complete} last, so that a partly written tree is never reused.
 *
 * <pre>java bench/GenerateBsp.java [--files N] [--seed S] --out DIR</pre>
 */
public final class GenerateBsp {

    public static void main(String[] args) throws IOException {
        int files = 10_000;
        long seed = 1;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--files" -> files = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (out == null || files < 50) {
            usage(out == null ? "--out DIR is required" : "--files must be at least 50");
        }
        if (Files.exists(out.resolve(TreeWriter.COMPLETE_MARKER))) {
            System.err.println("bench: " + out + " is already complete; delete it to write it again");
            return;
        }
        TreeStats stats = new TreeWriter(out, files, seed).write();
        System.err.println("bench: wrote " + out + ": " + stats.describe());
    }

    private static void usage(String problem) {
        System.err.println("GenerateBsp: " + problem);
        System.err.println("usage: java bench/GenerateBsp.java [--files N] [--seed S] --out DIR");
        System.exit(2);
    }
}

/** What was written, for the benchmark's rates. */
final class TreeStats {
    int files;
    int sourceFiles;
    int headerFiles;
    int sourcesFiles;
    long lines;
    long sourceLines;
    long headerLines;
    int mappingFiles;
    int wrapperCallerFiles;
    int plantedDefects;
    long bytes;

    String describe() {
        return String.format(Locale.ROOT,
                "%d files (%d C/C++ sources, %d headers, %d sources files), %d lines of C/C++ (%d in sources, %d in headers), "
                        + "%d files with mapping calls, %d planted defects",
                files, sourceFiles, headerFiles, sourcesFiles, sourceLines + headerLines, sourceLines, headerLines,
                mappingFiles, plantedDefects);
    }

    String properties(long seed) {
        return String.join("\n",
                "seed=" + seed,
                "files=" + files,
                "source_files=" + sourceFiles,
                "header_files=" + headerFiles,
                "sources_files=" + sourcesFiles,
                "lines=" + lines,
                "c_lines=" + (sourceLines + headerLines),
                "source_lines=" + sourceLines,
                "header_lines=" + headerLines,
                "mapping_files=" + mappingFiles,
                "wrapper_caller_files=" + wrapperCallerFiles,
                "planted_defects=" + plantedDefects,
                "bytes=" + bytes) + "\n";
    }
}

/** Lays out the tree: shared OAK part, then BSPs and their driver folders until the file budget is spent. */
final class TreeWriter {

    static final String COMPLETE_MARKER = ".complete";

    private static final String[][] PLATFORMS = {
        {"SMDK6410", "S3C6410"}, {"DEVKIT8000", "OMAP35XX"}, {"MAINSTONEIII", "PXA27X"}, {"SMDK2450", "S3C2450"},
        {"EVM3530", "OMAP35XX"}, {"TQ2440", "S3C2440"}, {"NE1TB", "NE1"}, {"ICOP_VORTEX86", "VTX86"}};
    private static final String[] DRIVER_KINDS = {
        "gpio", "spi", "i2c", "pwm", "wdt", "keypad", "touch", "backlight", "adc", "rtc", "serial", "usbfn",
        "usbhost", "otg", "dma", "camera", "display", "wavedev", "battery", "led", "power", "nand", "sdhc",
        "ethernet", "can", "jpeg", "mfc", "rotator", "post", "tvout", "g2d", "smartcard", "irda", "hsmmc",
        "pccard", "ssp", "onenand", "uart_ir", "vibrator", "fmd"};
    private static final String[] OAL_FOLDERS = {
        "OAL/OALLIB", "OAL/OALEXE", "KITL", "BOOTLOADER/EBOOT", "BOOTLOADER/XLDR", "COMMON/TIMER", "COMMON/INTR",
        "COMMON/POWER", "COMMON/CACHE", "COMMON/ARGS"};

    private final Path root;
    private final int fileBudget;
    private final long seed;
    private final Random random;
    private final TreeStats stats = new TreeStats();
    private final List<String> expected = new ArrayList<>();
    private final SourceFiles sourceFiles;

    TreeWriter(Path root, int fileBudget, long seed) {
        this.root = root;
        this.fileBudget = fileBudget;
        this.seed = seed;
        this.random = new Random(seed);
        this.sourceFiles = new SourceFiles(random);
    }

    TreeStats write() throws IOException {
        Files.createDirectories(root);
        Names names = new Names(random);
        OakHeaders oak = new OakHeaders(random);
        for (GeneratedFile header : oak.headers()) {
            emit("PUBLIC/COMMON/OAK/INC/" + header.name(), header);
        }
        int platformCount = Math.max(1, Math.min(PLATFORMS.length, fileBudget / 1250));
        List<Platform> platforms = new ArrayList<>();
        for (int p = 0; p < platformCount; p++) {
            Platform platform = new Platform(PLATFORMS[p][0], PLATFORMS[p][1], random);
            platforms.add(platform);
            for (GeneratedFile header : platform.headers()) {
                emit("PLATFORM/" + platform.name() + "/SRC/INC/" + header.name(), header);
            }
            writeFolder(platform, "PLATFORM/" + platform.name() + "/SRC/COMMON/MAPPING", "BSP", true, names);
        }
        // One driver folder after the other, round robin over the BSPs, a quarter in PUBLIC.
        int folder = 0;
        while (stats.files < fileBudget) {
            Platform platform = platforms.get(folder % platforms.size());
            String kind = DRIVER_KINDS[random.nextInt(DRIVER_KINDS.length)];
            String prefix = names.prefix(kind);
            String path;
            if (folder % 11 == 3) {
                path = "PLATFORM/" + platform.name() + "/SRC/" + OAL_FOLDERS[random.nextInt(OAL_FOLDERS.length)] + "_" + folder;
            } else if (random.nextInt(4) == 0) {
                path = "PUBLIC/COMMON/OAK/DRIVERS/" + kind.toUpperCase(Locale.ROOT) + "/" + prefix;
            } else {
                // A few folders with a space, as some BSPs ship them.
                String name = random.nextInt(40) == 0 ? kind + " driver" : kind;
                path = "PLATFORM/" + platform.name() + "/SRC/DRIVERS/" + name + "_" + folder;
            }
            writeFolder(platform, path, prefix, false, names);
            folder++;
        }
        Files.writeString(root.resolve("bench-expected.tsv"), "# path\tline\trule\n" + String.join("", expected));
        Files.writeString(root.resolve("bench-tree.properties"), stats.properties(seed));
        Files.writeString(root.resolve(COMPLETE_MARKER), "");
        return stats;
    }

    /** One build folder: sources file, local headers, C/C++ files (the last folder is cut to the budget). */
    private void writeFolder(Platform platform, String folder, String prefix, boolean wrapperFolder, Names names)
            throws IOException {
        int room = fileBudget - stats.files;
        if (room <= 0) {
            return;
        }
        DriverContext context = new DriverContext(prefix, platform, folder.startsWith("PUBLIC/"), random);
        int sourceCount = wrapperFolder ? 1 : 2 + random.nextInt(11);
        List<String> sourceNames = new ArrayList<>();
        java.util.Set<String> stems = new java.util.HashSet<>();
        while (sourceNames.size() < sourceCount) {
            boolean cpp = random.nextInt(10) < 3;
            String base = prefix.toLowerCase(Locale.ROOT) + "_" + names.fileStem(random);
            if (stems.add(base)) { // foo.c and foo.cpp side by side would confuse the build, too
                sourceNames.add(base + (cpp ? ".cpp" : ".c"));
            }
        }
        emit(folder + "/sources", SourcesFileText.of(prefix, sourceNames, context.common, random));
        if (stats.files >= fileBudget) {
            return;
        }
        emit(folder + "/" + context.headerName(), DriverHeader.of(context, random));
        if (random.nextInt(3) == 0 && stats.files < fileBudget) {
            emit(folder + "/" + prefix.toLowerCase(Locale.ROOT) + "_priv.h", DriverHeader.privateHeader(context, random));
        }
        for (String name : sourceNames) {
            if (stats.files >= fileBudget) {
                return;
            }
            SourceFiles.Kind kind = wrapperFolder ? SourceFiles.Kind.WRAPPER : sourceFiles.nextKind();
            if (kind == SourceFiles.Kind.WRAPPER_CALLER && context.common) {
                kind = SourceFiles.Kind.ORDINARY; // the BSP's wrapper is not visible to OAK drivers
            }
            String path = folder + "/" + name;
            GeneratedFile file = sourceFiles.write(context, name.endsWith(".cpp"), kind, path, expected);
            emit(path, file);
            if (kind == SourceFiles.Kind.MAPPING || kind == SourceFiles.Kind.WRAPPER) {
                stats.mappingFiles++;
            } else if (kind == SourceFiles.Kind.WRAPPER_CALLER) {
                stats.wrapperCallerFiles++;
            }
        }
    }

    private void emit(String relative, GeneratedFile file) throws IOException {
        Path path = root.resolve(relative);
        Files.createDirectories(path.getParent());
        byte[] bytes = file.bytes();
        Files.write(path, bytes);
        stats.files++;
        stats.bytes += bytes.length;
        stats.lines += file.lineCount();
        String name = relative.toLowerCase(Locale.ROOT);
        if (name.endsWith(".c") || name.endsWith(".cpp")) {
            stats.sourceFiles++;
            stats.sourceLines += file.lineCount();
        } else if (name.endsWith(".h")) {
            stats.headerFiles++;
            stats.headerLines += file.lineCount();
        } else {
            stats.sourcesFiles++;
        }
        stats.plantedDefects += file.planted();
    }
}

/** Text of one file with its line count; CRLF or LF and windows-1252 applied when it is written. */
final class GeneratedFile {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final String name;
    private final List<String> lines;
    private final boolean crlf;
    private final int planted;

    GeneratedFile(String name, List<String> lines, boolean crlf, int planted) {
        this.name = name;
        this.lines = lines;
        this.crlf = crlf;
        this.planted = planted;
    }

    String name() {
        return name;
    }

    int lineCount() {
        return lines.size();
    }

    int planted() {
        return planted;
    }

    byte[] bytes() {
        String separator = crlf ? "\r\n" : "\n";
        StringBuilder text = new StringBuilder(lines.size() * 40);
        for (String line : lines) {
            text.append(line).append(separator);
        }
        return text.toString().getBytes(WINDOWS_1252);
    }
}

/** Collects lines; knows the current line number, so planted defects can be recorded where they are. */
final class Lines {

    final List<String> lines = new ArrayList<>();

    Lines add(String line) {
        lines.add(line);
        return this;
    }

    Lines add(String format, Object... args) {
        lines.add(String.format(Locale.ROOT, format, args));
        return this;
    }

    /** 1-based number of the next line added. */
    int next() {
        return lines.size() + 1;
    }

    int size() {
        return lines.size();
    }
}

/** Unique prefixes and plausible file names. */
final class Names {

    private static final String[] STEMS = {
        "drv", "pdd", "mdd", "hw", "init", "ioctl", "power", "intr", "isr", "reg", "util", "cfg", "dma", "api",
        "main", "ctrl", "bus", "dev", "sys", "ops", "clk", "misc", "tbl", "proc"};

    private final Random random;
    private final java.util.Map<String, Integer> used = new java.util.HashMap<>();

    Names(Random random) {
        this.random = random;
    }

    String prefix(String kind) {
        String base = kind.replaceAll("[^a-z]", "").toUpperCase(Locale.ROOT);
        base = base.substring(0, Math.min(4, base.length()));
        int n = used.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + n;
    }

    String fileStem(Random r) {
        return STEMS[r.nextInt(STEMS.length)] + (r.nextInt(3) == 0 ? "" : String.valueOf(r.nextInt(100)));
    }
}

/** A register block of a SoC: name, physical base, the fields of its register struct. */
record RegisterBlock(String name, long physical, List<String> fields) {

    boolean pageAligned() {
        return (physical & 0xFFF) == 0;
    }

    String paMacro() {
        return "BSP_BASE_REG_PA_" + name;
    }

    String uaMacro() {
        return "BSP_BASE_REG_UA_" + name;
    }

    String type(String soc) {
        return soc + "_" + name + "_REG";
    }
}

/** A BSP: its SoC, register blocks, and the headers of SRC/INC (the deep include chain). */
final class Platform {

    private static final String[] BLOCKS = {
        "GPIO", "UART0", "UART1", "UART2", "UART3", "SPI0", "SPI1", "IIC0", "IIC1", "PWM", "WDT", "RTC", "ADC", "KEYPAD",
        "LCD", "DMA0", "DMA1", "SDMMC0", "SDMMC1", "USBOTG", "USBHOST", "NAND", "SROM", "SYSCON", "VIC0", "VIC1",
        "IIS", "AC97", "CAMIF", "JPEG", "MFC", "ROTATOR", "POST", "TVENC", "G2D", "ONENAND", "HSMMC", "SSP",
        "IRDA", "CAN"};
    private static final String[] FIELD_STEMS = {
        "CON", "STAT", "DAT", "CFG", "CTRL", "MASK", "PEND", "SRC", "DIV", "CNT", "CMP", "INT", "MOD", "SEL", "PUD",
        "EN", "CLR", "SET", "TX", "RX", "FIFO", "BAUD", "ADDR", "LEN", "TIMING", "VER", "ID"};

    private final String name;
    private final String soc;
    private final List<RegisterBlock> blocks = new ArrayList<>();
    private final List<GeneratedFile> headers = new ArrayList<>();

    Platform(String name, String soc, Random random) {
        this.name = name;
        this.soc = soc;
        long sfrBase = 0x40000000L + (random.nextInt(0x30) << 24);
        for (int i = 0; i < BLOCKS.length; i++) {
            // Most blocks start on a page; some share a page at 0x400 steps, as UARTs often do.
            long offset = random.nextInt(4) == 0 ? 0x400L * (1 + random.nextInt(3)) : 0;
            long physical = sfrBase + ((long) i << 16) + offset;
            List<String> fields = new ArrayList<>();
            int count = 6 + random.nextInt(24);
            for (int f = 0; f < count; f++) {
                fields.add(BLOCKS[i].replaceAll("[0-9]", "") + FIELD_STEMS[random.nextInt(FIELD_STEMS.length)] + f);
            }
            blocks.add(new RegisterBlock(BLOCKS[i], physical, fields));
        }
        writeHeaders(random);
    }

    String name() {
        return name;
    }

    String soc() {
        return soc;
    }

    List<RegisterBlock> blocks() {
        return blocks;
    }

    List<GeneratedFile> headers() {
        return headers;
    }

    String socLower() {
        return soc.toLowerCase(Locale.ROOT);
    }

    /**
     * bsp.h → bsp_cfg.h → bsp_base_regs.h → SOC_base_regs.h → SOC_map.h → SOC_types.h → oal_memory.h
     * → oal_io.h → oal_types.h → oal_log.h: ten levels, plus the SoC umbrella header with one register
     * header per block.
     */
    private void writeHeaders(Random random) {
        String s = socLower();
        headers.add(header("bsp.h", random, List.of("bsp_cfg.h", s + ".h", "oal.h", "bsp_args.h", "bsp_ioctl.h"), lines -> {
            lines.add("#define BSP_DEVICE_PREFIX       \"%s\"", name);
            lines.add("#define BSP_DEVICE_NAME         TEXT(\"%s\")", name);
            Snippets.bitDefines(lines, "BSP_SUPPORT", 6 + random.nextInt(10), random);
            lines.add("DWORD BSPGetSysIntr(DWORD irq);");
            lines.add("BOOL BSPGetDeviceInfo(DWORD dwIndex, PVOID pInfo, DWORD cbInfo);");
            lines.add("volatile void *BSPMapRegisters(DWORD dwPhysical, DWORD cbSize);");
            lines.add("void BSPUnmapRegisters(volatile void *pv, DWORD cbSize);");
        }));
        headers.add(header("bsp_cfg.h", random, List.of("bsp_base_regs.h"), lines -> {
            lines.add("#define BSP_CLOCK_FCLK          %d", 400_000_000 + random.nextInt(8) * 33_000_000);
            lines.add("#define BSP_CLOCK_HCLK          (BSP_CLOCK_FCLK / %d)", 2 + random.nextInt(3));
            lines.add("#define BSP_CLOCK_PCLK          (BSP_CLOCK_HCLK / 2)");
            lines.add("#define BSP_UART_DEBUG_PORT     %d", random.nextInt(4));
            lines.add("#define BSP_RAM_SIZE            0x%08X", 0x04000000 << random.nextInt(3));
            Snippets.bitDefines(lines, "BSP_CFG", 20 + random.nextInt(30), random);
        }));
        headers.add(header("bsp_base_regs.h", random, List.of(s + "_base_regs.h"), lines -> {
            for (RegisterBlock block : blocks) {
                lines.add("#define %-32s (0x%08X)", block.paMacro(), block.physical());
            }
            lines.add("");
            for (RegisterBlock block : blocks) {
                lines.add("#define %-32s (0x%08X)", block.uaMacro(), 0xB0000000L + (block.physical() & 0x0FFFFFFFL));
            }
        }));
        headers.add(header(s + "_base_regs.h", random, List.of(s + "_map.h"), lines -> {
            for (RegisterBlock block : blocks) {
                lines.add("#define %s_BASE_REG_OFFSET_%-12s 0x%08X", soc, block.name(), block.physical() & 0x00FFFFFFL);
            }
        }));
        headers.add(header(s + "_map.h", random, List.of(s + "_types.h", "oal_memory.h"), lines -> {
            Snippets.bitDefines(lines, soc + "_MAP", 30 + random.nextInt(30), random);
        }));
        headers.add(header(s + "_types.h", random, List.of("oal_memory.h"), lines -> {
            lines.add("typedef volatile UINT32 %s_REG32;", soc);
            lines.add("typedef volatile UINT16 %s_REG16;", soc);
            lines.add("typedef volatile UINT8 %s_REG8;", soc);
            Snippets.bitDefines(lines, soc + "_TYPES", 10 + random.nextInt(20), random);
        }));
        List<String> blockHeaders = new ArrayList<>();
        for (RegisterBlock block : blocks) {
            String headerName = s + "_" + block.name().toLowerCase(Locale.ROOT) + ".h";
            blockHeaders.add(headerName);
            headers.add(header(headerName, random, List.of(s + "_types.h"), lines -> {
                lines.add("typedef struct {");
                for (String field : block.fields()) {
                    lines.add("    %s_REG32 %s;%s", soc, field, random.nextInt(5) == 0 ? "        // " + Snippets.comment(random) : "");
                }
                lines.add("} %s, *P%s;", block.type(soc), block.type(soc));
                lines.add("");
                for (String field : block.fields()) {
                    if (random.nextBoolean()) {
                        Snippets.bitDefines(lines, field, 2 + random.nextInt(8), random);
                    }
                }
            }));
        }
        headers.add(header(s + ".h", random, blockHeaders, lines -> {
            lines.add("#define %s_REVISION 0x%02X", soc, random.nextInt(256));
        }));
        headers.add(header("bsp_args.h", random, List.of("oal_args.h"), lines -> {
            lines.add("typedef struct {");
            lines.add("    OAL_ARGS_HEADER header;");
            lines.add("    UINT8 deviceId[16];");
            lines.add("    OAL_KITL_ARGS kitl;");
            lines.add("    DWORD dwImageFlags;");
            lines.add("} BSP_ARGS;");
            Snippets.bitDefines(lines, "BSP_ARGS", 8 + random.nextInt(8), random);
        }));
        headers.add(header("bsp_ioctl.h", random, List.of(), lines -> {
            for (int i = 0; i < 20 + random.nextInt(20); i++) {
                lines.add("#define IOCTL_HAL_%s_%d CTL_CODE(FILE_DEVICE_HAL, %d, METHOD_BUFFERED, FILE_ANY_ACCESS)",
                        Snippets.word(random).toUpperCase(Locale.ROOT), i, 2048 + i);
            }
        }));
    }

    interface Body {
        void write(Lines lines);
    }

    static GeneratedFile header(String name, Random random, List<String> includes, Body body) {
        Lines lines = new Lines();
        Snippets.fileComment(lines, name, random);
        String guard = "__" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        lines.add("#ifndef " + guard);
        lines.add("#define " + guard);
        lines.add("");
        for (String include : includes) {
            lines.add(random.nextInt(5) == 0 ? "#include \"%s\"" : "#include <%s>", include);
        }
        lines.add("");
        lines.add("#ifdef __cplusplus");
        lines.add("extern \"C\" {");
        lines.add("#endif");
        lines.add("");
        body.write(lines);
        lines.add("");
        lines.add("#ifdef __cplusplus");
        lines.add("}");
        lines.add("#endif");
        lines.add("");
        lines.add("#endif // " + guard);
        return new GeneratedFile(name, lines.lines, random.nextInt(10) != 0, 0);
    }
}

/** PUBLIC/COMMON/OAK/INC: oal.h and what it includes, the bottom of every include chain. */
final class OakHeaders {

    private final List<GeneratedFile> headers = new ArrayList<>();

    OakHeaders(Random random) {
        String[] parts = {"oal_memory", "oal_io", "oal_types", "oal_log", "oal_args", "oal_intr", "oal_timer", "oal_cache",
            "oal_power", "oal_rtc", "oal_kitl", "oal_ioctl", "oal_perreg", "oal_swi"};
        List<String> all = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String name = parts[i] + ".h";
            all.add(name);
            // memory → io → types → log: the last levels of the BSP chain.
            List<String> includes = switch (parts[i]) {
                case "oal_memory" -> List.of("oal_io.h");
                case "oal_io" -> List.of("oal_types.h");
                case "oal_types" -> List.of("oal_log.h");
                case "oal_log" -> List.of();
                default -> List.of("oal_types.h");
            };
            String upper = parts[i].toUpperCase(Locale.ROOT);
            headers.add(Platform.header(name, random, includes, lines -> {
                if (upper.equals("OAL_ARGS")) {
                    lines.add("typedef struct { UINT32 signature; UINT16 oalVersion; UINT16 bspVersion; } OAL_ARGS_HEADER;");
                    lines.add("typedef struct { UINT32 flags; UINT32 devLoc; UINT32 ipAddress; UINT32 ipMask; UINT32 ipRoute; } OAL_KITL_ARGS;");
                }
                if (upper.equals("OAL_LOG")) {
                    lines.add("#define OAL_ERROR      1");
                    lines.add("#define OAL_WARN       2");
                    lines.add("#define OALMSG(cond, exp)   ((void)((cond) ? (NKDbgPrintfW exp), 1 : 0))");
                }
                Snippets.bitDefines(lines, upper, 20 + random.nextInt(40), random);
                for (int f = 0; f < 4 + random.nextInt(8); f++) {
                    lines.add("BOOL %s%s%d(UINT32 param, VOID *pBuffer, UINT32 size);",
                            upper.replace("_", ""), Snippets.word(random), f);
                }
            }));
        }
        headers.add(Platform.header("oal.h", random, all, lines -> lines.add("#define OAL_VERSION 0x0600")));
    }

    List<GeneratedFile> headers() {
        return headers;
    }
}

/**
 * Names and register block of one driver folder. A BSP driver reaches its registers through the
 * BSP headers; a shared OAK driver (PUBLIC/COMMON/OAK/DRIVERS) defines its own in its header.
 */
final class DriverContext {

    final String prefix;
    final Platform platform;
    final RegisterBlock block;
    final boolean common;
    final String regsType;
    final String paMacro;
    final String uaMacro;
    final List<String> ioctls = new ArrayList<>();

    DriverContext(String prefix, Platform platform, boolean common, Random random) {
        this.prefix = prefix;
        this.platform = platform;
        this.common = common;
        this.block = platform.blocks().get(random.nextInt(platform.blocks().size()));
        this.regsType = common ? prefix + "_REGS" : block.type(platform.soc());
        this.paMacro = common ? prefix + "_REG_PA" : block.paMacro();
        this.uaMacro = common ? prefix + "_REG_UA" : block.uaMacro();
        int count = 4 + random.nextInt(12);
        for (int i = 0; i < count; i++) {
            ioctls.add("IOCTL_" + prefix + "_" + Snippets.word(random).toUpperCase(Locale.ROOT) + "_" + i);
        }
    }

    String headerName() {
        return prefix.toLowerCase(Locale.ROOT) + ".h";
    }

    String field(Random random) {
        return block.fields().get(random.nextInt(block.fields().size()));
    }
}

/** The driver's own header: IOCTL codes, context structure, prototypes. */
final class DriverHeader {

    static GeneratedFile of(DriverContext c, Random random) {
        String s = c.platform.socLower();
        List<String> includes = c.common
                ? List.of("windows.h", "ceddk.h", "oal.h")
                : List.of("windows.h", "ceddk.h", "bsp.h", s + "_" + c.block.name().toLowerCase(Locale.ROOT) + ".h");
        return Platform.header(c.headerName(), random, includes, lines -> {
            if (c.common) {
                lines.add("#define %-32s (0x%08X)", c.paMacro, c.block.physical());
                lines.add("#define %-32s (0x%08X)", c.uaMacro, 0xB0000000L + (c.block.physical() & 0x0FFFFFFFL));
                lines.add("typedef struct {");
                for (String field : c.block.fields()) {
                    lines.add("    volatile UINT32 %s;", field);
                }
                lines.add("} %s, *P%s;", c.regsType, c.regsType);
                lines.add("");
            }
            for (int i = 0; i < c.ioctls.size(); i++) {
                lines.add("#define %-36s CTL_CODE(FILE_DEVICE_UNKNOWN, 0x%03X, METHOD_BUFFERED, FILE_ANY_ACCESS)",
                        c.ioctls.get(i), 0x800 + i);
            }
            lines.add("");
            lines.add("typedef struct _%s_CONTEXT {", c.prefix);
            lines.add("    volatile %s *pRegs;", c.regsType);
            lines.add("    HANDLE hIntrEvent;");
            lines.add("    HANDLE hIntrThread;");
            lines.add("    DWORD dwSysIntr;");
            lines.add("    DWORD dwIrq;");
            lines.add("    BOOL fExit;");
            lines.add("    DWORD dwOpenCount;");
            lines.add("    DWORD dwPowerState;");
            lines.add("    CRITICAL_SECTION cs;");
            lines.add("    WCHAR szName[16];");
            for (int i = 0; i < 2 + random.nextInt(10); i++) {
                lines.add("    DWORD dw%s%d;", Snippets.capitalized(random), i);
            }
            lines.add("} %s_CONTEXT, *P%s_CONTEXT;", c.prefix, c.prefix);
            lines.add("");
            Snippets.bitDefines(lines, c.prefix, 10 + random.nextInt(40), random);
            lines.add("DWORD %s_Init(LPCTSTR pContext, LPCVOID lpvBusContext);", c.prefix);
            lines.add("BOOL %s_Deinit(DWORD hDeviceContext);", c.prefix);
            lines.add("BOOL %s_IOControl(DWORD hOpenContext, DWORD dwCode, PBYTE pBufIn, DWORD dwLenIn, PBYTE pBufOut, DWORD dwLenOut, PDWORD pdwActualOut);", c.prefix);
        });
    }

    static GeneratedFile privateHeader(DriverContext c, Random random) {
        String name = c.prefix.toLowerCase(Locale.ROOT) + "_priv.h";
        return Platform.header(name, random, List.of(c.headerName()), lines -> {
            lines.add("#define %s_READ(reg)          (*(volatile UINT32 *)&(reg))", c.prefix);
            lines.add("#define %s_WRITE(reg, val)    ((*(volatile UINT32 *)&(reg)) = (val))", c.prefix);
            lines.add("#define %s_SETBITS(reg, m)    %s_WRITE(reg, %s_READ(reg) | (m))", c.prefix, c.prefix, c.prefix);
            lines.add("#define %s_CLRBITS(reg, m)    %s_WRITE(reg, %s_READ(reg) & ~(m))", c.prefix, c.prefix, c.prefix);
            Snippets.bitDefines(lines, c.prefix + "_PRIV", 5 + random.nextInt(20), random);
        });
    }
}

/** The sources file of a folder: as a CE 6 BSP writes them. */
final class SourcesFileText {

    static GeneratedFile of(String prefix, List<String> sources, boolean inPublic, Random random) {
        Lines lines = new Lines();
        lines.add("!if 0");
        lines.add("Copyright (c) Microsoft Corporation.  All rights reserved.");
        lines.add("!endif");
        lines.add("");
        lines.add("TARGETNAME=%s", prefix.toLowerCase(Locale.ROOT));
        lines.add("TARGETTYPE=%s", random.nextInt(4) == 0 ? "LIBRARY" : "DYNLINK");
        lines.add("RELEASETYPE=%s", inPublic ? "OAK" : "PLATFORM");
        lines.add("DLLENTRY=_DllEntryCRTStartup");
        lines.add("");
        // OAK drivers are built with the OAK include folder on the default path; written out
        // relative here so that any tool given only the tree can follow it.
        lines.add(inPublic
                ? "INCLUDES=$(INCLUDES);..\\..\\..\\inc"
                : random.nextBoolean()
                        ? "INCLUDES=$(INCLUDES);$(_TARGETPLATROOT)\\src\\inc;$(_COMMONOAKROOT)\\inc"
                        : "INCLUDES=$(_TARGETPLATROOT)\\SRC\\INC;$(_COMMONOAKROOT)\\INC");
        lines.add("CDEFINES=$(CDEFINES) -D%s_USE_DMA%s", prefix, random.nextBoolean() ? " -DUSE_INTERRUPT=1" : "");
        lines.add("");
        lines.add("TARGETLIBS= \\");
        lines.add("    $(_COMMONSDKROOT)\\lib\\$(_CPUINDPATH)\\coredll.lib \\");
        lines.add("    $(_COMMONOAKROOT)\\lib\\$(_CPUINDPATH)\\ceddk.lib");
        lines.add("");
        lines.add("SOURCES= \\");
        for (int i = 0; i < sources.size(); i++) {
            lines.add("    %s%s", sources.get(i), i + 1 < sources.size() ? " \\" : "");
        }
        return new GeneratedFile("sources", lines.lines, true, 0);
    }
}

/** Small shared pieces: comments, words, bit-field defines. */
final class Snippets {

    private static final String[] WORDS = {
        "clock", "status", "mode", "buffer", "config", "timing", "state", "divider", "channel", "level", "count",
        "enable", "select", "power", "speed", "width", "format", "fifo", "burst", "irq", "trigger", "sample",
        "offset", "limit", "window", "delay", "retry", "phase", "polarity", "gain", "volume", "frame"};
    private static final String[] COMMENTS = {
        "Wait for the controller to leave reset", "Clear pending interrupts before enabling",
        "The hardware needs two reads here (errata 12)", "Keep the FIFO half full", "Default taken from the datasheet",
        "Must be called with the lock held", "Registry value overrides the default",
        "Workaround for rev A silicon", "Only used by the boot loader", "Power management: restore saved state"};
    /** windows-1252 text outside ASCII: ©, ä, ü, µ, –, ’, é. */
    private static final String[] CP1252_COMMENTS = {
        "Copyright \u00A9 2008 Ger\u00E4tebau M\u00FCller GmbH \u2013 alle Rechte vorbehalten",
        "Verz\u00F6gerung in \u00B5s, \u00B110 % Toleranz", "r\u00E9glage de l\u2019horloge du p\u00E9riph\u00E9rique",
        "\u00C4nderung f\u00FCr Rev. B (\u201Cerrata\u201D 3)"};

    static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    static String capitalized(Random random) {
        String w = word(random);
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    static String comment(Random random) {
        return COMMENTS[random.nextInt(COMMENTS.length)];
    }

    static void fileComment(Lines lines, String name, Random random) {
        lines.add("//");
        lines.add(random.nextInt(20) == 0
                ? "// " + CP1252_COMMENTS[random.nextInt(CP1252_COMMENTS.length)]
                : "// Copyright (c) Microsoft Corporation.  All rights reserved.");
        lines.add("//");
        lines.add("// Use of this source code is subject to the terms of the Microsoft end-user");
        lines.add("// license agreement (EULA) under which you licensed this SOFTWARE PRODUCT.");
        lines.add("//");
        lines.add("// Module Name:  " + name);
        lines.add("//");
        lines.add("// Abstract:  " + comment(random) + ".");
        lines.add("//");
    }

    static String cp1252Comment(Random random) {
        return CP1252_COMMENTS[random.nextInt(CP1252_COMMENTS.length)];
    }

    static void bitDefines(Lines lines, String prefix, int count, Random random) {
        String p = prefix.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
        for (int i = 0; i < count; i++) {
            int shift = random.nextInt(28);
            int width = 1 + random.nextInt(4);
            String name = p + "_" + word(random).toUpperCase(Locale.ROOT) + "_" + i;
            switch (random.nextInt(4)) {
                case 0 -> lines.add("#define %-40s (1 << %d)", name, shift);
                case 1 -> lines.add("#define %-40s (0x%X << %d)", name + "_MASK", (1 << width) - 1, shift);
                case 2 -> lines.add("#define %-40s %d", name + "_SHIFT", shift);
                default -> lines.add("#define %-40s(x) (((x) & 0x%X) << %d)", name + "_VAL", (1 << width) - 1, shift);
            }
        }
    }
}

/** The C and C++ files: ordinary driver/OAL code, and now and then a mapping call (correct or not). */
final class SourceFiles {

    enum Kind { ORDINARY, MAPPING, WRAPPER_CALLER, WRAPPER }

    /** Share of the C/C++ files that call a mapping API themselves. */
    private static final double MAPPING_SHARE = 0.03;
    /** Share that calls the BSP's mapping wrapper instead. */
    private static final double WRAPPER_CALLER_SHARE = 0.01;
    /** Share of the mapping functions written with a defect cemap reports. */
    private static final double DEFECT_SHARE = 0.35;

    private final Random random;

    SourceFiles(Random random) {
        this.random = random;
    }

    Kind nextKind() {
        double r = random.nextDouble();
        return r < MAPPING_SHARE ? Kind.MAPPING : r < MAPPING_SHARE + WRAPPER_CALLER_SHARE ? Kind.WRAPPER_CALLER : Kind.ORDINARY;
    }

    GeneratedFile write(DriverContext c, boolean cpp, Kind kind, String path, List<String> expected) {
        Lines top = new Lines();
        Snippets.fileComment(top, path.substring(path.lastIndexOf('/') + 1), random);
        if (random.nextInt(20) == 0) {
            top.add("// " + Snippets.cp1252Comment(random));
        }
        top.add("");
        top.add("#include <windows.h>");
        if (random.nextInt(5) != 0) {
            top.add("#include <ceddk.h>");
        }
        if (random.nextInt(3) == 0) {
            top.add("#include <nkintr.h>");
        }
        top.add(c.common ? "#include <oal.h>" : "#include <bsp.h>");
        top.add("#include \"%s\"", c.headerName());
        top.add("");
        top.add("#define %s_TIMEOUT_MS        %d", c.prefix, 10 * (1 + random.nextInt(100)));
        top.add("#define %s_MAX_RETRIES       %d", c.prefix, 1 + random.nextInt(8));
        top.add("#define %s_FIELD(v, s, m)    (((v) >> (s)) & (m))", c.prefix);
        top.add("");
        top.add("#ifdef DEBUG");
        top.add("DBGPARAM dpCurSettings = {");
        top.add("    TEXT(\"%s\"), {", c.prefix);
        top.add("        TEXT(\"Error\"), TEXT(\"Warning\"), TEXT(\"Init\"), TEXT(\"IOCTL\"),");
        top.add("        TEXT(\"Power\"), TEXT(\"Interrupt\"), TEXT(\"Function\"), TEXT(\"Info\") },");
        top.add("    0x0003");
        top.add("};");
        top.add("#endif");
        top.add("");
        top.add("static P%s_CONTEXT g_p%sContext = NULL;", c.prefix, c.prefix);
        top.add("");

        FunctionWriter functions = new FunctionWriter(c, random, cpp ? "C" + c.prefix + "Device" : null);
        Lines body = new Lines();
        List<int[]> defectLines = new ArrayList<>();
        List<String> defectRules = new ArrayList<>();
        int target = 60 + (int) Math.min(1400, -Math.log(1 - random.nextDouble()) * 185);
        int mappingAt = kind == Kind.ORDINARY ? -1 : random.nextInt(3);
        int written = 0;
        while (body.size() + top.size() < target || written <= mappingAt) {
            if (written == mappingAt) {
                switch (kind) {
                    case MAPPING -> {
                        int count = 1 + random.nextInt(3);
                        for (int i = 0; i < count; i++) {
                            MappingFunctions.Planted planted = MappingFunctions.write(body, c, random,
                                    random.nextDouble() < DEFECT_SHARE);
                            if (planted != null) {
                                defectLines.add(new int[] {planted.line()});
                                defectRules.add(planted.rule());
                            }
                        }
                    }
                    case WRAPPER -> MappingFunctions.writeWrapper(body);
                    case WRAPPER_CALLER -> MappingFunctions.writeWrapperCall(body, c, random);
                    default -> { }
                }
            }
            functions.writeOne(body);
            written++;
        }
        Lines file = new Lines();
        file.lines.addAll(top.lines);
        functions.writeClassDeclaration(file);
        int offset = file.size();
        file.lines.addAll(body.lines);
        for (int i = 0; i < defectLines.size(); i++) {
            expected.add(path + "\t" + (defectLines.get(i)[0] + offset) + "\t" + defectRules.get(i) + "\n");
        }
        return new GeneratedFile(path, file.lines, random.nextInt(10) != 0, defectLines.size());
    }
}

/** VirtualAlloc/VirtualCopy/MmMapIoSpace code as drivers write it, right or with one of the defects cemap reports. */
final class MappingFunctions {

    record Planted(int line, String rule) {
    }

    private static final String[] DEFECTS = {
        "page-offset-mismatch", "missing-physical-shift", "physical-flag-missing", "invalid-protection",
        "dest-not-reserved", "release-with-size", "virtual-as-physical"};
    private static int counter;

    /** Writes one mapping function; returns the defect planted in it, if one was. */
    static Planted write(Lines out, DriverContext c, Random random, boolean defective) {
        int n = ++counter % 1000;
        if (!defective && random.nextInt(3) == 0) {
            writeMapIoSpace(out, c, n, random);
            return null;
        }
        String defect = defective ? DEFECTS[random.nextInt(DEFECTS.length)] : null;
        String type = c.regsType;
        String pa = c.paMacro;
        boolean aligned = c.block.pageAligned();
        if ("page-offset-mismatch".equals(defect) && aligned) {
            // Needs a block that does not start on a page: another one of the BSP's, if the driver can see them.
            RegisterBlock other = c.common ? null
                    : c.platform.blocks().stream().filter(b -> !b.pageAligned()).findFirst().orElse(null);
            if (other == null) {
                defect = "missing-physical-shift";
            } else {
                type = other.type(c.platform.soc());
                pa = other.paMacro();
                aligned = false;
            }
        }
        // The simple form (map sizeof(REGS) from the base) is right for page-aligned blocks and is
        // the page-offset-mismatch defect for the others; those are otherwise mapped page-wise.
        boolean simple = aligned || "page-offset-mismatch".equals(defect);
        String size = simple ? "sizeof(" + type + ")" : "0x1000";
        String source = switch (defect == null ? "" : defect) {
            case "missing-physical-shift" -> simple ? "(PVOID)" + pa : "(PVOID)(" + pa + " & ~0xFFF)";
            case "virtual-as-physical" -> simple ? "(PVOID)(" + c.uaMacro + " >> 8)" : "(PVOID)((" + c.uaMacro + " & ~0xFFF) >> 8)";
            default -> simple ? "(PVOID)(" + pa + " >> 8)" : "(PVOID)((" + pa + " & ~0xFFF) >> 8)";
        };
        String protection = switch (defect == null ? "" : defect) {
            case "physical-flag-missing" -> "PAGE_READWRITE | PAGE_NOCACHE";
            case "invalid-protection" -> "PAGE_NOCACHE | PAGE_PHYSICAL";
            default -> "PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL";
        };
        String allocation = "dest-not-reserved".equals(defect) ? "MEM_COMMIT, PAGE_READWRITE" : "MEM_RESERVE, PAGE_NOACCESS";
        String releaseSize = "release-with-size".equals(defect) ? size : "0";
        String name = c.prefix + "_Map" + capitalize(c.block.name().toLowerCase(Locale.ROOT)) + n;

        out.add("static volatile %s *%s(void)", type, name);
        out.add("{");
        out.add("    PVOID pv;");
        out.add("");
        out.add("    pv = VirtualAlloc(NULL, %s, %s);", size, allocation);
        out.add("    if (pv == NULL) {");
        out.add("        RETAILMSG(1, (TEXT(\"%s: VirtualAlloc failed (%%u)\\r\\n\"), GetLastError()));", c.prefix);
        out.add("        return NULL;");
        out.add("    }");
        int copyLine = out.next();
        out.add("    if (!VirtualCopy(pv, %s, %s, %s)) {", source, size, protection);
        out.add("        RETAILMSG(1, (TEXT(\"%s: VirtualCopy failed (%%u)\\r\\n\"), GetLastError()));", c.prefix);
        int freeLine = out.next();
        out.add("        VirtualFree(pv, %s, MEM_RELEASE);", releaseSize);
        out.add("        return NULL;");
        out.add("    }");
        if (simple) {
            out.add("    return (volatile %s *)pv;", type);
        } else {
            out.add("    return (volatile %s *)((PBYTE)pv + (%s & 0xFFF));", type, pa);
        }
        out.add("}");
        out.add("");
        if (defect == null) {
            return null;
        }
        return new Planted("release-with-size".equals(defect) ? freeLine : copyLine, defect);
    }

    private static void writeMapIoSpace(Lines out, DriverContext c, int n, Random random) {
        String type = c.regsType;
        out.add("static BOOL %s_MapIo%d(P%s_CONTEXT pCtx)", c.prefix, n, c.prefix);
        out.add("{");
        out.add("    PHYSICAL_ADDRESS pa;");
        out.add("");
        if (random.nextBoolean()) {
            out.add("    pa.QuadPart = %s;", c.paMacro);
        } else {
            out.add("    pa.LowPart = %s;", c.paMacro);
            out.add("    pa.HighPart = 0;");
        }
        out.add("    pCtx->pRegs = (volatile %s *)MmMapIoSpace(pa, sizeof(%s), FALSE);", type, type);
        out.add("    if (pCtx->pRegs == NULL) {");
        out.add("        RETAILMSG(1, (TEXT(\"%s: MmMapIoSpace failed\\r\\n\")));", c.prefix);
        out.add("        return FALSE;");
        out.add("    }");
        out.add("    return TRUE;");
        out.add("}");
        out.add("");
        out.add("static void %s_UnmapIo%d(P%s_CONTEXT pCtx)", c.prefix, n, c.prefix);
        out.add("{");
        out.add("    if (pCtx->pRegs != NULL) {");
        out.add("        MmUnmapIoSpace((PVOID)pCtx->pRegs, sizeof(%s));", type);
        out.add("        pCtx->pRegs = NULL;");
        out.add("    }");
        out.add("}");
        out.add("");
    }

    /** The BSP's own helper that drivers call instead of MmMapIoSpace. */
    static void writeWrapper(Lines out) {
        out.add("volatile void *BSPMapRegisters(DWORD dwPhysical, DWORD cbSize)");
        out.add("{");
        out.add("    PHYSICAL_ADDRESS pa;");
        out.add("");
        out.add("    pa.QuadPart = dwPhysical;");
        out.add("    return (volatile void *)MmMapIoSpace(pa, cbSize, FALSE);");
        out.add("}");
        out.add("");
        out.add("void BSPUnmapRegisters(volatile void *pv, DWORD cbSize)");
        out.add("{");
        out.add("    if (pv != NULL) {");
        out.add("        MmUnmapIoSpace((PVOID)pv, cbSize);");
        out.add("    }");
        out.add("}");
        out.add("");
    }

    static void writeWrapperCall(Lines out, DriverContext c, Random random) {
        int n = ++counter % 1000;
        out.add("static BOOL %s_AttachRegisters%d(P%s_CONTEXT pCtx)", c.prefix, n, c.prefix);
        out.add("{");
        out.add("    pCtx->pRegs = (volatile %s *)BSPMapRegisters(%s, sizeof(%s));", c.regsType, c.paMacro, c.regsType);
        out.add("    return pCtx->pRegs != NULL;");
        out.add("}");
        out.add("");
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

/**
 * Ordinary driver functions; in C++ files, members of one device class whose declaration is
 * written before them.
 */
final class FunctionWriter {

    private final DriverContext c;
    private final Random random;
    private final String className;
    private final List<String> memberDeclarations = new ArrayList<>();
    private int counter;

    FunctionWriter(DriverContext c, Random random, String className) {
        this.c = c;
        this.random = random;
        this.className = className;
    }

    void writeOne(Lines out) {
        counter++;
        switch (random.nextInt(10)) {
            case 0, 1 -> registerUpdate(out);
            case 2 -> ioControl(out);
            case 3 -> registryRead(out);
            case 4 -> listParser(out);
            case 5 -> tableLookup(out);
            case 6 -> interruptThread(out);
            case 7 -> powerState(out);
            case 8 -> debugDump(out);
            default -> initialize(out);
        }
    }

    /** The class declaration with every member written so far (C++ files only). */
    void writeClassDeclaration(Lines out) {
        if (className == null) {
            return;
        }
        out.add("class %s", className);
        out.add("{");
        out.add("public:");
        out.add("    %s() : m_pRegs(NULL), m_dwState(0), m_dwSysIntr(0) { }", className);
        out.add("    virtual ~%s() { }", className);
        for (String declaration : memberDeclarations) {
            out.add("    " + declaration + ";");
        }
        out.add("");
        out.add("private:");
        out.add("    volatile %s *m_pRegs;", c.regsType);
        out.add("    DWORD m_dwState;");
        out.add("    DWORD m_dwSysIntr;");
        out.add("    CRITICAL_SECTION m_cs;");
        out.add("};");
        out.add("");
    }

    /** "static void NAME(params)" in C; "void CLASS::NAME(params)" in C++ (declared in the class). */
    private String header(String returnType, String name, String cParams, String memberParams) {
        if (className == null) {
            return "static " + returnType + " " + c.prefix + "_" + name + "(" + cParams + ")";
        }
        memberDeclarations.add(returnType + " " + name + "(" + memberParams + ")");
        return returnType + " " + className + "::" + name + "(" + memberParams + ")";
    }

    private String regs() {
        return className == null ? "pRegs" : "m_pRegs";
    }

    private String regsParam() {
        return "volatile " + c.regsType + " *pRegs";
    }

    private void registerUpdate(Lines out) {
        String field = c.field(random);
        String status = c.field(random);
        int shift = random.nextInt(24);
        int bit = random.nextInt(32);
        int timeout = 100 * (1 + random.nextInt(50));
        out.add(header("BOOL", "Set" + Snippets.capitalized(random) + counter, regsParam() + ", DWORD dwValue", "DWORD dwValue"));
        out.add("{");
        out.add("    DWORD dwReg;");
        out.add("    DWORD i;");
        out.add("");
        out.add("    dwReg = %s->%s;", regs(), field);
        int steps = 1 + random.nextInt(4);
        for (int s = 0; s < steps; s++) {
            int mask = (1 << (1 + random.nextInt(4))) - 1;
            int at = Math.min(28, shift + 4 * s);
            out.add("    dwReg &= ~(0x%X << %d);", mask, at);
            out.add("    dwReg |= ((dwValue >> %d) & 0x%X) << %d;", 4 * s, mask, at);
        }
        out.add("    %s->%s = dwReg;", regs(), field);
        out.add("    for (i = 0; i < %d; i++) {", timeout);
        out.add("        if ((%s->%s & (1u << %d)) != 0) {", regs(), status, bit);
        out.add("            break;");
        out.add("        }");
        if (random.nextBoolean()) {
            out.add("        Sleep(1);");
        }
        out.add("    }");
        out.add("    if (i == %d) {", timeout);
        out.add("        RETAILMSG(1, (TEXT(\"%s: timeout, status 0x%%08x\\r\\n\"), %s->%s));", c.prefix, regs(), status);
        out.add("        return FALSE;");
        out.add("    }");
        out.add("    return TRUE;");
        out.add("}");
        out.add("");
    }

    private void ioControl(Lines out) {
        String name = "IOControl" + counter;
        String params = "DWORD hOpenContext, DWORD dwCode, PBYTE pBufIn, DWORD dwLenIn, PBYTE pBufOut, DWORD dwLenOut, PDWORD pdwActualOut";
        out.add(header("BOOL", name, params, params));
        out.add("{");
        out.add("    P%s_CONTEXT pCtx = (P%s_CONTEXT)hOpenContext;", c.prefix, c.prefix);
        out.add("    BOOL fRet = FALSE;");
        out.add("    DWORD dwValue = 0;");
        out.add("");
        out.add("    if (pCtx == NULL || pCtx->pRegs == NULL) {");
        out.add("        SetLastError(ERROR_INVALID_HANDLE);");
        out.add("        return FALSE;");
        out.add("    }");
        out.add("    EnterCriticalSection(&pCtx->cs);");
        out.add("    switch (dwCode) {");
        for (String ioctl : c.ioctls) {
            String field = c.field(random);
            out.add("    case %s:", ioctl);
            if (random.nextBoolean()) {
                out.add("        if (pBufIn == NULL || dwLenIn < sizeof(DWORD)) {");
                out.add("            SetLastError(ERROR_INVALID_PARAMETER);");
                out.add("            break;");
                out.add("        }");
                out.add("        memcpy(&dwValue, pBufIn, sizeof(DWORD));");
                out.add("        pCtx->pRegs->%s = (pCtx->pRegs->%s & ~0x%XU) | (dwValue & 0x%XU);", field, field, 0xFF, 0xFF);
            } else {
                out.add("        if (pBufOut == NULL || dwLenOut < sizeof(DWORD)) {");
                out.add("            SetLastError(ERROR_INSUFFICIENT_BUFFER);");
                out.add("            break;");
                out.add("        }");
                out.add("        dwValue = %s_FIELD(pCtx->pRegs->%s, %d, 0x%X);", c.prefix, field, random.nextInt(16), 0xFFFF);
                out.add("        memcpy(pBufOut, &dwValue, sizeof(DWORD));");
                out.add("        if (pdwActualOut != NULL) {");
                out.add("            *pdwActualOut = sizeof(DWORD);");
                out.add("        }");
            }
            out.add("        fRet = TRUE;");
            out.add("        break;");
        }
        out.add("    default:");
        out.add("        DEBUGMSG(1, (TEXT(\"%s: unsupported IOCTL 0x%%08x\\r\\n\"), dwCode));", c.prefix);
        out.add("        SetLastError(ERROR_NOT_SUPPORTED);");
        out.add("        break;");
        out.add("    }");
        out.add("    LeaveCriticalSection(&pCtx->cs);");
        out.add("    return fRet;");
        out.add("}");
        out.add("");
    }

    private void registryRead(Lines out) {
        out.add(header("BOOL", "ReadRegistry" + counter, "LPCTSTR pszActiveKey, P" + c.prefix + "_CONTEXT pCtx",
                "LPCTSTR pszActiveKey, P" + c.prefix + "_CONTEXT pCtx"));
        out.add("{");
        out.add("    HKEY hKey = NULL;");
        out.add("    DWORD dwType;");
        out.add("    DWORD dwSize;");
        out.add("    DWORD dwValue;");
        out.add("");
        out.add("    if (RegOpenKeyEx(HKEY_LOCAL_MACHINE, pszActiveKey, 0, 0, &hKey) != ERROR_SUCCESS) {");
        out.add("        RETAILMSG(1, (TEXT(\"%s: cannot open %%s\\r\\n\"), pszActiveKey));", c.prefix);
        out.add("        return FALSE;");
        out.add("    }");
        String[][] values = {{"Irq", "dwIrq"}, {"SysIntr", "dwSysIntr"}, {"PowerState", "dwPowerState"}, {"OpenCount", "dwOpenCount"}};
        int count = 1 + random.nextInt(values.length);
        for (int i = 0; i < count; i++) {
            out.add("    dwSize = sizeof(DWORD);");
            out.add("    if (RegQueryValueEx(hKey, TEXT(\"%s\"), NULL, &dwType, (LPBYTE)&dwValue, &dwSize) == ERROR_SUCCESS", values[i][0]);
            out.add("        && dwType == REG_DWORD) {");
            out.add("        pCtx->%s = dwValue;", values[i][1]);
            out.add("    } else {");
            out.add("        pCtx->%s = %d;", values[i][1], random.nextInt(64));
            out.add("    }");
        }
        out.add("    RegCloseKey(hKey);");
        out.add("    return TRUE;");
        out.add("}");
        out.add("");
    }

    private void listParser(Lines out) {
        out.add(header("DWORD", "ParseList" + counter, "LPCWSTR pszList, DWORD *pValues, DWORD dwMax",
                "LPCWSTR pszList, DWORD *pValues, DWORD dwMax"));
        out.add("{");
        out.add("    DWORD dwCount = 0;");
        out.add("    DWORD dwValue = 0;");
        out.add("    BOOL fDigit = FALSE;");
        out.add("");
        out.add("    if (pszList == NULL || pValues == NULL) {");
        out.add("        return 0;");
        out.add("    }");
        out.add("    while (*pszList != L'\\0' && dwCount < dwMax) {");
        out.add("        if (*pszList >= L'0' && *pszList <= L'9') {");
        out.add("            dwValue = dwValue * 10 + (DWORD)(*pszList - L'0');");
        out.add("            fDigit = TRUE;");
        out.add("        } else if (*pszList == L',' || *pszList == L' ') {");
        out.add("            if (fDigit) {");
        out.add("                pValues[dwCount++] = dwValue;");
        out.add("            }");
        out.add("            dwValue = 0;");
        out.add("            fDigit = FALSE;");
        out.add("        }");
        out.add("        pszList++;");
        out.add("    }");
        out.add("    if (fDigit && dwCount < dwMax) {");
        out.add("        pValues[dwCount++] = dwValue;");
        out.add("    }");
        if (random.nextBoolean()) {
            out.add("    {");
            out.add("        WCHAR szName[32];");
            out.add("        if (SUCCEEDED(StringCchPrintfW(szName, 32, L\"%s%%u:\", dwCount))) {", c.prefix);
            out.add("            DEBUGMSG(1, (L\"%%s parsed\\r\\n\", szName));");
            out.add("        }");
            out.add("    }");
        }
        out.add("    return dwCount;");
        out.add("}");
        out.add("");
    }

    private void tableLookup(Lines out) {
        String table = "s_" + c.prefix + "Table" + counter;
        int rows = 4 + random.nextInt(20);
        out.add("static const struct {");
        out.add("    DWORD dwFrequency;");
        out.add("    DWORD dwDivider;");
        out.add("    DWORD dwFlags;");
        out.add("} %s[] = {", table);
        long frequency = 1_000_000L * (1 + random.nextInt(12));
        for (int i = 0; i < rows; i++) {
            frequency += 1_000_000L * (1 + random.nextInt(50));
            out.add("    { %d, %d, 0x%X },", frequency, 1 + i, random.nextInt(16));
        }
        out.add("};");
        out.add("");
        out.add(header("DWORD", "LookupDivider" + counter, "DWORD dwFrequency", "DWORD dwFrequency"));
        out.add("{");
        out.add("    DWORD i;");
        out.add("");
        out.add("    for (i = 0; i < sizeof(%s) / sizeof(%s[0]); i++) {", table, table);
        out.add("        if (%s[i].dwFrequency >= dwFrequency) {", table);
        out.add("            return %s[i].dwDivider;", table);
        out.add("        }");
        out.add("    }");
        out.add("    return %s[%d].dwDivider;", table, rows - 1);
        out.add("}");
        out.add("");
    }

    private void interruptThread(Lines out) {
        String status = c.field(random);
        String clear = c.field(random);
        out.add(header("DWORD", "InterruptThread" + counter, "LPVOID pParam", "LPVOID pParam"));
        out.add("{");
        out.add("    P%s_CONTEXT pCtx = (P%s_CONTEXT)pParam;", c.prefix, c.prefix);
        out.add("    DWORD dwStatus;");
        out.add("");
        out.add("    CeSetThreadPriority(GetCurrentThread(), %d);", 100 + random.nextInt(150));
        out.add("    while (!pCtx->fExit) {");
        out.add("        if (WaitForSingleObject(pCtx->hIntrEvent, INFINITE) != WAIT_OBJECT_0) {");
        out.add("            continue;");
        out.add("        }");
        out.add("        if (pCtx->fExit) {");
        out.add("            break;");
        out.add("        }");
        out.add("        dwStatus = pCtx->pRegs->%s;", status);
        int bits = 1 + random.nextInt(5);
        for (int b = 0; b < bits; b++) {
            int bit = random.nextInt(32);
            out.add("        if (dwStatus & (1u << %d)) {", bit);
            out.add("            pCtx->pRegs->%s = (1u << %d);", clear, bit);
            out.add("            pCtx->dwOpenCount++;");
            out.add("        }");
        }
        out.add("        InterruptDone(pCtx->dwSysIntr);");
        out.add("    }");
        out.add("    return 0;");
        out.add("}");
        out.add("");
    }

    private void powerState(Lines out) {
        String field = c.field(random);
        out.add(header("void", "SetPower" + counter, "P" + c.prefix + "_CONTEXT pCtx, DWORD dwState",
                "P" + c.prefix + "_CONTEXT pCtx, DWORD dwState"));
        out.add("{");
        out.add("    switch (dwState) {");
        out.add("    case 0:");
        out.add("        pCtx->pRegs->%s |= (1u << %d);", field, random.nextInt(32));
        out.add("        break;");
        out.add("    case 1:");
        out.add("    case 2:");
        out.add("        pCtx->pRegs->%s &= ~(1u << %d);", field, random.nextInt(32));
        out.add("        break;");
        out.add("    case 3:");
        out.add("    case 4:");
        out.add("        pCtx->pRegs->%s = 0;", field);
        out.add("        break;");
        out.add("    default:");
        out.add("        return;");
        out.add("    }");
        out.add("#if (_WIN32_WCE >= 0x600)");
        out.add("    pCtx->dwPowerState = dwState;");
        out.add("#else");
        out.add("    pCtx->dwPowerState = (dwState > 4) ? 4 : dwState;");
        out.add("#endif");
        out.add("}");
        out.add("");
    }

    private void debugDump(Lines out) {
        out.add("#ifdef DEBUG");
        out.add(header("void", "DumpRegisters" + counter, regsParam(), ""));
        out.add("{");
        out.add("    RETAILMSG(1, (TEXT(\"%s registers:\\r\\n\")));", c.prefix);
        int fields = Math.min(c.block.fields().size(), 4 + random.nextInt(20));
        for (int i = 0; i < fields; i++) {
            String field = c.block.fields().get(i);
            out.add("    RETAILMSG(1, (TEXT(\"  %-12s = 0x%%08x\\r\\n\"), %s->%s));", field, regs(), field);
        }
        out.add("}");
        out.add("#endif");
        out.add("");
    }

    private void initialize(Lines out) {
        out.add(header("DWORD", "Initialize" + counter, "LPCTSTR pContext, LPCVOID lpvBusContext",
                "LPCTSTR pContext, LPCVOID lpvBusContext"));
        out.add("{");
        out.add("    P%s_CONTEXT pCtx;", c.prefix);
        out.add("");
        out.add("    UNREFERENCED_PARAMETER(lpvBusContext);");
        out.add("    pCtx = (P%s_CONTEXT)LocalAlloc(LPTR, sizeof(%s_CONTEXT));", c.prefix, c.prefix);
        out.add("    if (pCtx == NULL) {");
        out.add("        return 0;");
        out.add("    }");
        out.add("    InitializeCriticalSection(&pCtx->cs);");
        out.add("    pCtx->hIntrEvent = CreateEvent(NULL, FALSE, FALSE, NULL);");
        out.add("    if (pCtx->hIntrEvent == NULL) {");
        out.add("        goto CleanUp;");
        out.add("    }");
        out.add("    if (!KernelIoControl(IOCTL_HAL_REQUEST_SYSINTR, &pCtx->dwIrq, sizeof(DWORD), &pCtx->dwSysIntr, sizeof(DWORD), NULL)) {");
        out.add("        goto CleanUp;");
        out.add("    }");
        out.add("    if (!InterruptInitialize(pCtx->dwSysIntr, pCtx->hIntrEvent, NULL, 0)) {");
        out.add("        goto CleanUp;");
        out.add("    }");
        out.add("    g_p%sContext = pCtx;", c.prefix);
        out.add("    return (DWORD)pCtx;");
        out.add("");
        out.add("CleanUp:");
        out.add("    if (pCtx->hIntrEvent != NULL) {");
        out.add("        CloseHandle(pCtx->hIntrEvent);");
        out.add("    }");
        out.add("    DeleteCriticalSection(&pCtx->cs);");
        out.add("    LocalFree(pCtx);");
        out.add("    return 0;");
        out.add("}");
        out.add("");
    }
}
