package dev.cemap.corpus;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a BSP-like tree of driver sources with everything real trees throw at a parser: C and
 * C++, CRLF and LF, comments in windows-1252, GBK and EUC-KR, UTF-8 with and without a BOM,
 * UTF-16LE files, MSVC keywords and literals, inline assembly, missing headers, backslash includes
 * in the wrong case, folders and files with spaces, and a few files that are broken on purpose.
 * The same seed always gives the same bytes.
 */
final class DriverTreeGenerator {

    /** How many .c/.cpp files every tree has. */
    static final int SOURCE_FILES = 100;

    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset EUC_KR = Charset.forName("EUC-KR");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final String[] PREFIXES = {
        "GIO", "SPI", "IIC", "PWM", "WDT", "KPD", "TCH", "BKL", "ADC", "RTC",
        "SDH", "UFN", "DMA", "CAM", "LCD", "WAV", "BAT", "LED", "PWR", "NND"};
    private static final String[] FOLDERS = {
        "gpio", "spi", "i2c", "pwm", "watchdog", "keypad", "touch", "backlight", "adc", "rtc",
        "Serial Port", "USB Function", "dma", "camera", "display", "wavedev", "battery", "led", "power", "nand"};
    private static final long[] REGISTER_BASES = {
        0x56000000L, 0x50000000L, 0x4C800000L, 0x51000000L, 0x53000000L, 0x54000000L, 0x57000000L,
        0x7F005000L, 0x7F005400L, 0x7F008000L, 0x7E00A000L, 0x7C200000L, 0x48098000L, 0x48050400L,
        0x49020000L, 0x40E00000L, 0x41100000L, 0x5C000000L};
    private static final String[] CP1252_COMMENTS = {
        "Copyright \u00A9 2007 Ger\u00E4tebau M\u00FCller GmbH \u2013 alle Rechte vorbehalten",
        "delay in \u00B5s, \u00B110 % tolerance",
        "r\u00E9glage du r\u00E9tro\u00E9clairage (\u201Cbacklight\u201D)"};
    private static final String[] GBK_COMMENTS = {
        "\u521D\u59CB\u5316\u5BC4\u5B58\u5668\u6620\u5C04",          // initialise the register mapping
        "\u91CA\u653E\u865A\u62DF\u5730\u5740\u7A7A\u95F4",          // release the virtual space
        "\u4E2D\u65AD\u5904\u7406\u7A0B\u5E8F"};                      // interrupt handler
    private static final String[] EUC_KR_COMMENTS = {
        "\uB808\uC9C0\uC2A4\uD130 \uB9E4\uD551 \uCD08\uAE30\uD654", // register mapping init
        "\uAC00\uC0C1 \uBA54\uBAA8\uB9AC \uD574\uC81C",              // free virtual memory
        "\uC778\uD130\uB7FD\uD2B8 \uCC98\uB9AC"};                    // interrupt handling

    private final Random random;
    private final List<Path> sources = new ArrayList<>();
    private final List<Path> unusualSources = new ArrayList<>();
    /** Folders that have a sources file, with the drivers it lists; null for folders without. */
    private final Map<String, List<String>> buildFolders = new HashMap<>();
    private Path root;

    DriverTreeGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** Writes the tree below {@code root}; returns the .c/.cpp files written. */
    List<Path> writeTo(Path root) throws IOException {
        this.root = root;
        sources.clear();
        buildFolders.clear();
        writeSharedHeaders();
        writeSpecialFiles();
        unusualSources.clear();
        unusualSources.addAll(sources);
        int index = 0;
        while (sources.size() < SOURCE_FILES) {
            writeRandomDriver(index++);
        }
        return List.copyOf(sources);
    }

    /**
     * The sources written on purpose to be hard (empty, binary, broken, deeply nested, UTF-16,
     * odd encodings, odd paths and includes) of the last {@link #writeTo} call.
     */
    List<Path> unusualSources() {
        return List.copyOf(unusualSources);
    }

    private void writeSharedHeaders() throws IOException {
        write("INC/Bsp.h", ascii(lf("""
                #ifndef __BSP_H
                #define __BSP_H
                #include "bsp_base_regs.h"
                #include <bsp_cfg.h>
                #define BSP_UART_CLOCK      66500000
                #define BSP_REG_WINDOW      0x1000
                #endif
                """)));
        StringBuilder bases = new StringBuilder("#pragma once\r\n");
        for (int i = 0; i < REGISTER_BASES.length; i++) {
            bases.append(String.format("#define BSP_BASE_REG_PA_%s    0x%08XUL\r\n", PREFIXES[i], REGISTER_BASES[i]));
        }
        write("INC/bsp_base_regs.h", ascii(bases.toString()));
    }

    private void writeSpecialFiles() throws IOException {
        source("drivers/empty/empty.c", new byte[0]);
        source("drivers/broken/syntax_error.c", ascii(lf("""
                #include <windows.h>
                DWORD BRK_Init(LPCTSTR pContext, LPCVOID lpvBusContext)
                {
                    PVOID pv = VirtualAlloc(NULL, 0x1000, MEM_RESERVE, PAGE_NOACCESS)
                    if (!VirtualCopy(pv, (PVOID)(0x56000000 >> 8), 0x1000, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL) {
                        return 0;
                    }
                    for (;;
                    return (DWORD)pv;
                }}
                int trailing = ;
                """)));
        source("drivers/stress/nested_parens.c", ascii(nestedParentheses(5000)));
        byte[] garbage = new byte[8192];
        random.nextBytes(garbage);
        source("drivers/stress/garbage.c", garbage);
        source("drivers/unicode/utf16_driver.c", utf16le(crlf(streamDriverC("U16", 0x7F005400L, Style.VIRTUAL_COPY, ""))));
        source("drivers/unicode/utf16_display.cpp", utf16le(crlf(classDriverCpp("UDP", 0x4C800000L, "// \u663E\u793A\u63A7\u5236\u5668"))));
        source("drivers/unicode/bom_utf8.c", utf8Bom(lf(streamDriverC("BOM", 0x56000000L, Style.MM_MAP_IO_SPACE,
                "// \u5BC4\u5B58\u5668 / Register \u00FCbersicht"))));
        source("drivers/Serial Port/ser pdd.c", ascii(crlf(streamDriverC("SER", 0x50004000L, Style.REGISTRY_IO_BASE, ""))));
        source("drivers/legacy/missing_headers.c", ascii(crlf("""
                #include <windows.h>
                #include <nkintr.h>
                #include <oal_intr.h>
                #include "s3c2450_intr.h"
                #include "..\\..\\Public\\Common\\Oak\\Inc\\devload.h"
                #include <\\\\server\\bsp\\inc\\board.h>
                """ + streamDriverC("MSH", 0x4A000000L, Style.VIRTUAL_COPY, ""))));
        source("drivers/legacy/MixedCase Include.c", ascii(crlf("""
                #include "..\\..\\INC\\Bsp.h"
                #include "..\\..\\inc\\BSP_BASE_REGS.H"
                """ + streamDriverC("MCI", 0x7F008000L, Style.VIRTUAL_COPY, ""))));
        source("drivers/msvc/asm_block.c", ascii(crlf(asmDriver())));
        source("drivers/msvc/seh_int64.cpp", ascii(crlf(msvcDriverCpp())));
        source("drivers/encodings/gbk_comments.c", encoded(crlf(streamDriverC("GBK", 0x4C800000L, Style.VIRTUAL_COPY,
                "// " + GBK_COMMENTS[0] + "\n// " + GBK_COMMENTS[1])), GBK));
        source("drivers/encodings/euckr_comments.c", encoded(crlf(streamDriverC("KOR", 0x7E00A000L, Style.MM_MAP_IO_SPACE,
                "/* " + EUC_KR_COMMENTS[0] + " */\n// " + EUC_KR_COMMENTS[2])), EUC_KR));
        source("drivers/encodings/cp1252_comments.c", encoded(lf(streamDriverC("EUR", 0x53000000L, Style.VIRTUAL_COPY,
                "// " + CP1252_COMMENTS[0] + "\n// " + CP1252_COMMENTS[1])), WINDOWS_1252));
    }

    private void writeRandomDriver(int index) throws IOException {
        int kind = random.nextInt(PREFIXES.length);
        // The index keeps names unique: two drivers of one kind in one folder must not collide.
        String prefix = PREFIXES[kind] + index;
        String folder = "drivers/" + FOLDERS[kind];
        long base = REGISTER_BASES[random.nextInt(REGISTER_BASES.length)];
        Comment comment = randomComment();
        String commentLine = comment.isEmpty() ? "" : "// " + comment.text();
        boolean cpp = random.nextInt(10) < 3;
        String text = cpp
                ? classDriverCpp(prefix, base, commentLine)
                : streamDriverC(prefix, base, Style.values()[random.nextInt(Style.values().length)], commentLine);
        text = random.nextInt(10) < 6 ? crlf(text) : lf(text);
        String name = prefix.toLowerCase(java.util.Locale.ROOT) + (random.nextInt(8) == 0 ? " drv" : "_drv")
                + (cpp ? ".cpp" : ".c");
        byte[] bytes = comment.charset() == StandardCharsets.UTF_8 && random.nextInt(3) == 0
                ? utf8Bom(text) : encoded(text, comment.charset());
        source(folder + "/" + name, bytes);
        // A quarter of the folders get a sources file, listing every driver of the folder.
        if (!buildFolders.containsKey(folder)) {
            buildFolders.put(folder, random.nextInt(4) == 0 ? new ArrayList<>() : null);
        }
        List<String> listed = buildFolders.get(folder);
        if (listed != null) {
            listed.add(name);
            write(folder + "/sources", ascii(crlf("""
                    TARGETNAME=%s
                    TARGETTYPE=DYNLINK
                    RELEASETYPE=PLATFORM
                    INCLUDES=$(INCLUDES);..\\..\\INC
                    CDEFINES=$(CDEFINES) -DBSP_HAS_%s
                    SOURCES=%s
                    """.formatted(FOLDERS[kind].replace(" ", "").toLowerCase(java.util.Locale.ROOT),
                            PREFIXES[kind], String.join(" \\\n        ", listed)))));
        }
    }

    private record Comment(String text, Charset charset) {
        boolean isEmpty() {
            return text.isEmpty();
        }
    }

    private Comment randomComment() {
        return switch (random.nextInt(6)) {
            case 0 -> new Comment(pick(CP1252_COMMENTS), WINDOWS_1252);
            case 1 -> new Comment(pick(GBK_COMMENTS), GBK);
            case 2 -> new Comment(pick(EUC_KR_COMMENTS), EUC_KR);
            case 3 -> new Comment("\u00C4nderung f\u00FCr Rev. B \u2014 \u5BC4\u5B58\u5668", StandardCharsets.UTF_8);
            default -> new Comment("", StandardCharsets.US_ASCII);
        };
    }

    /** How a generated stream driver gets at its registers. */
    private enum Style {
        VIRTUAL_COPY, VIRTUAL_COPY_DIV, MM_MAP_IO_SPACE, REGISTRY_IO_BASE, WRONG_SHIFT, RELEASE_WITH_SIZE
    }

    private String streamDriverC(String prefix, long base, Style style, String comment) {
        String pa = String.format("0x%08XUL", base);
        String pageBase = String.format("0x%08XUL", base & ~0xFFFL);
        String offset = String.format("0x%03X", base & 0xFFF);
        String map = switch (style) {
            case VIRTUAL_COPY, RELEASE_WITH_SIZE, WRONG_SHIFT -> """
                        pDev->pvWindow = VirtualAlloc(NULL, REG_WINDOW, MEM_RESERVE, PAGE_NOACCESS);
                        if (pDev->pvWindow == NULL) {
                            goto CleanUp;
                        }
                        if (!VirtualCopy(pDev->pvWindow, (PVOID)(REG_PA_PAGE %s), REG_WINDOW, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) {
                            RETAILMSG(1, (TEXT("%s: VirtualCopy failed %%u\\r\\n"), GetLastError()));
                            VirtualFree(pDev->pvWindow, %s, MEM_RELEASE);
                            pDev->pvWindow = NULL;
                            goto CleanUp;
                        }
                        pDev->pRegs = (volatile DWORD *)((PBYTE)pDev->pvWindow + REG_OFFSET);
                    """.formatted(style == Style.WRONG_SHIFT ? ">> 12" : ">> 8", prefix,
                            style == Style.RELEASE_WITH_SIZE ? "REG_WINDOW" : "0");
            case VIRTUAL_COPY_DIV -> """
                        pDev->pvWindow = VirtualAlloc(0, REG_WINDOW, MEM_RESERVE, PAGE_NOACCESS);
                        if (!pDev->pvWindow || !VirtualCopy(pDev->pvWindow, (LPVOID)(REG_PA_PAGE / 256), REG_WINDOW, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) {
                            goto CleanUp;
                        }
                        pDev->pRegs = (volatile DWORD *)((PBYTE)pDev->pvWindow + REG_OFFSET);
                    """;
            case MM_MAP_IO_SPACE -> """
                        PHYSICAL_ADDRESS pa;
                        pa.QuadPart = REG_PA;
                        pDev->pRegs = (volatile DWORD *)MmMapIoSpace(pa, REG_SIZE, FALSE);
                        if (pDev->pRegs == NULL) {
                            goto CleanUp;
                        }
                    """;
            case REGISTRY_IO_BASE -> """
                        DDKWINDOWINFO wini;
                        HKEY hKey = OpenDeviceKey(pContext);
                        PHYSICAL_ADDRESS pa;
                        wini.cbSize = sizeof(wini);
                        if (hKey == NULL || DDKReg_GetWindowInfo(hKey, &wini) != ERROR_SUCCESS || wini.dwNumMemWindows < 1) {
                            goto CleanUp;
                        }
                        pa.HighPart = 0;
                        pa.LowPart = wini.memWindows[0].dwBase;
                        pDev->pRegs = (volatile DWORD *)MmMapIoSpace(pa, wini.memWindows[0].dwLen, FALSE);
                        RegCloseKey(hKey);
                    """;
        };
        String unmap = style == Style.MM_MAP_IO_SPACE || style == Style.REGISTRY_IO_BASE
                ? "    MmUnmapIoSpace((PVOID)pDev->pRegs, REG_SIZE);\n"
                : "    VirtualFree(pDev->pvWindow, 0, MEM_RELEASE);\n";
        return """
                //
                // Copyright (c) Board Support Package. All rights reserved.
                //
                %s
                #include <windows.h>
                #include <ceddk.h>
                #include <pkfuncs.h>
                #include "bsp.h"

                #define REG_PA          %s
                #define REG_PA_PAGE     %s
                #define REG_OFFSET      %s
                #define REG_SIZE        0x40
                #define REG_WINDOW      0x1000

                typedef struct _%s_DEVICE {
                    DWORD               dwSig;
                    PVOID               pvWindow;
                    volatile DWORD      *pRegs;
                    CRITICAL_SECTION    cs;
                } %s_DEVICE, *P%s_DEVICE;

                static __inline DWORD ReadReg(P%s_DEVICE pDev, DWORD idx)
                {
                    return pDev->pRegs[idx];
                }

                DWORD %s_Init(LPCTSTR pContext, LPCVOID lpvBusContext)
                {
                    P%s_DEVICE pDev = (P%s_DEVICE)LocalAlloc(LPTR, sizeof(%s_DEVICE));
                    DEBUGMSG(1, (TEXT("+%s_Init(%%s)\\r\\n"), pContext));
                    if (pDev == NULL) {
                        return 0;
                    }
                    InitializeCriticalSection(&pDev->cs);
                    {
                %s    }
                    pDev->dwSig = 0x%08X;
                    return (DWORD)pDev;

                CleanUp:
                    DeleteCriticalSection(&pDev->cs);
                    LocalFree(pDev);
                    return 0;
                }

                BOOL %s_Deinit(DWORD hDeviceContext)
                {
                    P%s_DEVICE pDev = (P%s_DEVICE)hDeviceContext;
                    if (pDev == NULL) {
                        return FALSE;
                    }
                    if (pDev->pRegs != NULL) {
                %s    }
                    DeleteCriticalSection(&pDev->cs);
                    LocalFree(pDev);
                    return TRUE;
                }

                DWORD %s_Open(DWORD hDeviceContext, DWORD AccessCode, DWORD ShareMode)
                {
                    return hDeviceContext;
                }

                BOOL %s_Close(DWORD hOpenContext)
                {
                    return TRUE;
                }

                BOOL %s_IOControl(DWORD hOpenContext, DWORD dwCode, PBYTE pBufIn, DWORD dwLenIn,
                                  PBYTE pBufOut, DWORD dwLenOut, PDWORD pdwActualOut)
                {
                    P%s_DEVICE pDev = (P%s_DEVICE)hOpenContext;
                    BOOL fOk = FALSE;
                    __try {
                        if (dwCode == 0x%04X && pBufOut != NULL && dwLenOut >= sizeof(DWORD)) {
                            EnterCriticalSection(&pDev->cs);
                            *(DWORD *)pBufOut = ReadReg(pDev, %d);
                            LeaveCriticalSection(&pDev->cs);
                            fOk = TRUE;
                        }
                    }
                    __except (EXCEPTION_EXECUTE_HANDLER) {
                        SetLastError(ERROR_INVALID_PARAMETER);
                    }
                    return fOk;
                }
                """.formatted(comment, pa, pageBase, offset,
                        prefix, prefix, prefix, prefix,
                        prefix, prefix, prefix, prefix, prefix,
                        indent(map), random.nextInt() & 0x7FFFFFFF,
                        prefix, prefix, prefix, indent(unmap),
                        prefix, prefix, prefix, prefix, prefix,
                        0x100 + random.nextInt(0x100), random.nextInt(16));
    }

    private String classDriverCpp(String prefix, long base, String comment) {
        long pageBase = base & ~0xFFFL;
        return """
                %s
                #include <windows.h>
                #include <ceddk.h>
                #include <pkfuncs.h>

                #define %s_PA_PAGE      0x%08XUL
                #define %s_PAGE_OFFSET  0x%03X

                typedef struct {
                    DWORD CON;
                    DWORD STAT;
                    DWORD DATA;
                    DWORD INTMSK;
                } %s_REGS;

                class C%sController
                {
                public:
                    C%sController() : m_pvWindow(NULL), m_pRegs(NULL), m_qwStarted(0i64) { }
                    virtual ~C%sController() { Unmap(); }

                    BOOL Map()
                    {
                        m_pvWindow = VirtualAlloc(NULL, 0x1000, MEM_RESERVE, PAGE_NOACCESS);
                        if (m_pvWindow == NULL) {
                            return FALSE;
                        }
                        if (!VirtualCopy(m_pvWindow, reinterpret_cast<PVOID>(%s_PA_PAGE >> 8), 0x1000,
                                         PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) {
                            VirtualFree(m_pvWindow, 0, MEM_RELEASE);
                            m_pvWindow = NULL;
                            return FALSE;
                        }
                        this->m_pRegs = reinterpret_cast<volatile %s_REGS *>(static_cast<BYTE *>(m_pvWindow) + %s_PAGE_OFFSET);
                        m_qwStarted = static_cast<unsigned __int64>(GetTickCount()) * 10000i64;
                        return TRUE;
                    }

                    void Unmap()
                    {
                        if (m_pvWindow != NULL) {
                            VirtualFree(m_pvWindow, 0, MEM_RELEASE);
                            m_pvWindow = NULL;
                            m_pRegs = NULL;
                        }
                    }

                    __forceinline DWORD Status() const { return m_pRegs->STAT; }

                private:
                    PVOID                   m_pvWindow;
                    volatile %s_REGS        *m_pRegs;
                    unsigned __int64        m_qwStarted;
                };

                extern "C" __declspec(dllexport) DWORD %s_Init(LPCTSTR pContext, LPCVOID lpvBusContext)
                {
                    C%sController *pCtl = new C%sController();
                    if (pCtl == NULL || !pCtl->Map()) {
                        delete pCtl;
                        return 0;
                    }
                    return reinterpret_cast<DWORD>(pCtl);
                }

                extern "C" __declspec(dllexport) BOOL %s_Deinit(DWORD hDeviceContext)
                {
                    delete reinterpret_cast<C%sController *>(hDeviceContext);
                    return TRUE;
                }
                """.formatted(comment, prefix, pageBase, prefix, base & 0xFFF, prefix,
                        prefix, prefix, prefix, prefix, prefix, prefix, prefix,
                        prefix, prefix, prefix, prefix, prefix);
    }

    private static String asmDriver() {
        return """
                #include <windows.h>
                #include <pkfuncs.h>

                // x86 CEPC: read the time-stamp counter for the calibration loop.
                static __forceinline unsigned __int64 ReadTsc(void)
                {
                    unsigned __int64 t;
                    __asm {
                        rdtsc
                        mov dword ptr [t], eax
                        mov dword ptr [t + 4], edx
                    }
                    return t;
                }

                static void __declspec(naked) __cdecl Spin(void)
                {
                    __asm { mov eax, 1 }
                    __asm mov ecx, 100
                    __asm ret
                }

                DWORD TSC_Init(LPCTSTR pContext, LPCVOID lpvBusContext)
                {
                    PVOID pv = VirtualAlloc(NULL, 0x20000, MEM_RESERVE, PAGE_NOACCESS);
                    unsigned __int64 start = ReadTsc();
                    if (pv == NULL) {
                        return 0;
                    }
                    // VGA memory at 0xA0000, 128 KB.
                    if (!VirtualCopy(pv, (PVOID)(0x000A0000 >> 8), 0x20000, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) {
                        VirtualFree(pv, 0, MEM_RELEASE);
                        return 0;
                    }
                    Spin();
                    return (ReadTsc() - start > 0x10i64) ? (DWORD)pv : 0;
                }
                """;
    }

    private static String msvcDriverCpp() {
        return """
                #include <windows.h>
                #include <ceddk.h>
                #include <pkfuncs.h>

                #pragma warning(push)
                #pragma warning(disable: 4200)
                typedef struct _RING {
                    DWORD   dwCount;
                    BYTE    abData[];
                } RING, *PRING;
                #pragma warning(pop)

                static const __int64 c_llTimeout = 0x7FFFFFFFFFFFFFFFi64;
                static const unsigned __int32 c_uMagic = 0xFEEDi32;

                __forceinline BOOL IsReady(_In_ volatile DWORD *pReg)
                {
                    return (*pReg & 0x1) != 0;
                }

                extern "C" __declspec(dllexport) DWORD SEH_Init(_In_z_ LPCTSTR pContext, _In_opt_ LPCVOID lpvBusContext)
                {
                    PHYSICAL_ADDRESS pa = { 0 };
                    volatile DWORD *pRegs = NULL;
                    DWORD dwResult = 0;
                    pa.QuadPart = 0x7F00B000i64;
                    pRegs = static_cast<volatile DWORD *>(MmMapIoSpace(pa, 0x100, FALSE));
                    if (pRegs == NULL) {
                        return 0;
                    }
                    __try {
                        __try {
                            if (!IsReady(pRegs)) {
                                __leave;
                            }
                            dwResult = reinterpret_cast<DWORD>(pRegs);
                        }
                        __finally {
                            if (dwResult == 0) {
                                MmUnmapIoSpace((PVOID)pRegs, 0x100);
                            }
                        }
                    }
                    __except (GetExceptionCode() == STATUS_ACCESS_VIOLATION ? EXCEPTION_EXECUTE_HANDLER : EXCEPTION_CONTINUE_SEARCH) {
                        RETAILMSG(1, (L"SEH_Init: fault reading %p\\r\\n", pRegs));
                        dwResult = 0;
                    }
                    return dwResult;
                }
                """;
    }

    private static String nestedParentheses(int depth) {
        StringBuilder text = new StringBuilder("#include <windows.h>\n\nDWORD Deep(DWORD x)\n{\n    return ");
        text.append("(".repeat(depth)).append('x').append(" + 1)".repeat(depth)).append(";\n}\n");
        return text.toString();
    }

    /** The mapping code goes one level deeper than the text blocks it is written in. */
    private static String indent(String block) {
        return block.lines().map(line -> line.isEmpty() ? line : "    " + line).reduce("", (a, b) -> a + b + "\n");
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private void source(String relative, byte[] bytes) throws IOException {
        sources.add(write(relative, bytes));
    }

    private Path write(String relative, byte[] bytes) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }

    private static String lf(String text) {
        return text.replace("\r\n", "\n");
    }

    private static String crlf(String text) {
        return lf(text).replace("\n", "\r\n");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] encoded(String text, Charset charset) {
        return text.getBytes(charset);
    }

    private static byte[] utf8Bom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        return bytes;
    }

    private static byte[] utf16le(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        return bytes;
    }
}
