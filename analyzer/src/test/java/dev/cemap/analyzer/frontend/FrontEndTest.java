package dev.cemap.analyzer.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.emulator.CeVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.cdt.core.dom.ast.IASTCastExpression;
import org.eclipse.cdt.core.dom.ast.IASTFieldReference;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.dom.ast.IField;
import org.eclipse.cdt.core.dom.ast.IProblemBinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class FrontEndTest {

    @TempDir
    Path tree;

    private static String fileName(SourceLanguage language) {
        return language == SourceLanguage.C ? "casts.c" : "casts.cpp";
    }

    @ParameterizedTest
    @EnumSource(SourceLanguage.class)
    void typeNameCastsParseAsCasts(SourceLanguage language) {
        ParsedFile parsed = Parsing.parse(tree, fileName(language), "#include <windows.h>\n"
                + "void f(DWORD x) { PVOID p = (PVOID)(x); DWORD all = (DWORD)-1; PBYTE b = (PBYTE)p + 4;"
                + " ULONG_PTR u = (ULONG_PTR)(p); (void)all; (void)b; (void)u; }\n");

        List<IASTCastExpression> casts = Parsing.nodes(Parsing.unit(parsed), IASTCastExpression.class);
        assertThat(casts).extracting(IASTCastExpression::getRawSignature)
                .contains("(PVOID)(x)", "(DWORD)-1", "(PBYTE)p", "(ULONG_PTR)(p)");
        assertThat(Parsing.calls(Parsing.unit(parsed))).isEmpty();
        assertThat(parsed.notifications()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SourceLanguage.class)
    void physicalAddressFieldsResolve(SourceLanguage language) {
        ParsedFile parsed = Parsing.parse(tree, fileName(language), "#include <windows.h>\n#include <ceddk.h>\n"
                + "PVOID f(DWORD base) { PHYSICAL_ADDRESS pa; PPHYSICAL_ADDRESS ppa = &pa;"
                + " pa.QuadPart = 0; pa.LowPart = base; pa.HighPart = 0; ppa->u.LowPart = base;"
                + " return MmMapIoSpace(pa, 0x1000, FALSE); }\n");

        List<IASTFieldReference> fields = Parsing.nodes(Parsing.unit(parsed), IASTFieldReference.class);
        assertThat(fields).extracting(f -> f.getFieldName().toString())
                .containsExactly("QuadPart", "LowPart", "HighPart", "LowPart", "u"); // outer reference first
        assertThat(fields).allSatisfy(f -> assertThat(f.getFieldName().resolveBinding()).isInstanceOf(IField.class));
        assertThat(parsed.notifications()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SourceLanguage.class)
    void externCMacrosOfWinntParse(SourceLanguage language) {
        ParsedFile parsed = Parsing.parse(tree, fileName(language), "#include <windows.h>\n"
                + "EXTERN_C BOOL UsbTransceiverInit(PVOID pRegs);\n"
                + "EXTERN_C_START\nvoid UsbTransceiverDeinit(void);\nEXTERN_C_END\n");

        assertThat(parsed.notifications()).isEmpty();
    }

    @Test
    void aCppClassResolvesItsMembersThroughThis() {
        ParsedFile parsed = Parsing.parse(tree, "regs.cpp", "#include <windows.h>\n#include <ceddk.h>\n"
                + "class CRegisters {\npublic:\n  CRegisters() : m_p(NULL), m_cb(0) {}\n  BOOL Map(DWORD pa, DWORD cb);\n"
                + "  void Unmap() { if (m_p) { MmUnmapIoSpace(m_p, m_cb); m_p = NULL; } }\nprivate:\n"
                + "  PVOID m_p;\n  DWORD m_cb;\n};\n"
                + "BOOL CRegisters::Map(DWORD pa, DWORD cb) {\n  PHYSICAL_ADDRESS phys = { 0 };\n"
                + "  phys.LowPart = pa;\n  this->m_p = MmMapIoSpace(phys, cb, FALSE);\n  m_cb = cb;\n"
                + "  return this->m_p != NULL;\n}\n");

        IASTTranslationUnit unit = Parsing.unit(parsed);
        List<IASTFieldReference> members = Parsing.nodes(unit, IASTFieldReference.class).stream()
                .filter(f -> f.getFieldName().toString().equals("m_p")).toList();
        assertThat(members).hasSize(2);
        assertThat(members).allSatisfy(m -> assertThat(m.getFieldName().resolveBinding()).isInstanceOf(IField.class));
        assertThat(Parsing.calls(unit)).allSatisfy(call -> assertThat(
                ((IASTIdExpression) call.getFunctionNameExpression()).getName().resolveBinding())
                .isNotInstanceOf(IProblemBinding.class));
        assertThat(parsed.notifications()).isEmpty();
    }

    @Test
    void aGeneratedSourceAboveTheSizeCeilingIsReportedNotParsed() throws Exception {
        Path file = tree.resolve("firmware_blob.c");
        byte[] row = "0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (java.io.OutputStream out = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(file))) {
            out.write("const unsigned char g_blob[] = {\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            for (long written = 0; written <= FrontEnd.MAX_SOURCE_BYTES; written += row.length) {
                out.write(row);
            }
            out.write("};\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        ParsedFile parsed = new FrontEnd(FrontEndSettings.defaults(dev.cemap.emulator.CeVersion.CE6), tree).parse(file);

        assertThat(parsed.translationUnit()).isEmpty();
        assertThat(parsed.notifications()).singleElement()
                .satisfies(n -> assertThat(n.id()).isEqualTo(ParseNotifications.TOO_LARGE));
    }

    @Test
    void aFileFullOfSyntaxErrorsListsTheFirstOnesAndCountsTheRest() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            text.append("int v").append(i).append(" = 1 ` 2;\n"); // a stray backquote is a bad character
        }
        ParsedFile parsed = Parsing.parse(tree, "noise.c", text.toString());

        List<Notification> problems = parsed.notifications().stream()
                .filter(n -> n.id().equals("parse-problem")).toList();
        assertThat(problems).hasSize(ParseNotifications.MAX_PROBLEMS_PER_FILE + 1);
        assertThat(problems.get(problems.size() - 1).message()).contains("more syntax problems");
    }

    @Test
    void locationsCountLinesAndColumnsAcrossCrLf() {
        String text = "#include <windows.h>\r\n\r\nvoid f(void)\r\n{\r\n\tPVOID p = VirtualAlloc(NULL, 0x1000, MEM_RESERVE, PAGE_NOACCESS);\r\n}\r\n";
        ParsedFile parsed = Parsing.parse(tree, "crlf.c", text);

        IASTFunctionCallExpression call = Parsing.calls(Parsing.unit(parsed)).get(0);
        SourceLocation location = parsed.locationOf(call);
        assertThat(location.file()).isEqualTo(tree.resolve("crlf.c").toAbsolutePath().normalize());
        assertThat(location.line()).isEqualTo(5);
        assertThat(location.column()).isEqualTo(12);
        assertThat(location.endLine()).isEqualTo(5);
        assertThat(location.endColumn()).isEqualTo(12 + "VirtualAlloc(NULL, 0x1000, MEM_RESERVE, PAGE_NOACCESS)".length());
        assertThat(parsed.text()).isEqualTo(text);
    }

    @Test
    void aNodeFromAnIncludedHeaderIsLocatedInThatHeader() {
        Parsing.write(tree, "inc/regs.h", "// registers\n#define REG_BASE 0x48000000\nextern int g_regs;\n");
        ParsedFile parsed = Parsing.parse(tree, "main.c", "#include \"inc/regs.h\"\nint x = REG_BASE;\n");

        IASTTranslationUnit unit = Parsing.unit(parsed);
        SourceLocation location = parsed.locationOf(unit.getDeclarations()[0]);
        assertThat(location.file()).isEqualTo(tree.resolve("inc/regs.h").toAbsolutePath().normalize());
        assertThat(location.line()).isEqualTo(3);
        assertThat(location.column()).isEqualTo(1);
    }

    @Test
    void aSyntaxErrorIsAWarningAndTheRestOfTheFileIsKept() {
        ParsedFile parsed = Parsing.parse(tree, "broken.c", "#include <windows.h>\n"
                + "void f(void) {\n  int x = ;\n}\nvoid g(void) { VirtualAlloc(NULL, 1, MEM_RESERVE, PAGE_NOACCESS); }\n");

        assertThat(parsed.notifications()).singleElement().satisfies(note -> {
            assertThat(note.id()).isEqualTo("parse-problem");
            assertThat(note.level()).isEqualTo(Level.WARNING);
            assertThat(note.message()).contains("enclosing function was analysed partially");
            assertThat(note.location()).map(SourceLocation::line).contains(3);
        });
        assertThat(Parsing.calls(Parsing.unit(parsed))).hasSize(1);
    }

    @Test
    void anUnreadableFileIsAnError() {
        ParsedFile parsed = new FrontEnd(FrontEndSettings.defaults(CeVersion.CE5)).parse(tree.resolve("absent.c"));

        assertThat(parsed.translationUnit()).isEmpty();
        assertThat(parsed.notifications()).extracting(Notification::id, Notification::level)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("read-error", Level.ERROR));
    }

    @Test
    void twoThousandNestedParenthesesParseOnALargeStack() {
        String deep = "(".repeat(2000) + "1" + ")".repeat(2000);
        Path file = Parsing.write(tree, "deep.c", "int f(void) { return " + deep + "; }\n");
        FrontEnd frontEnd = new FrontEnd(FrontEndSettings.defaults(CeVersion.CE6), tree);

        ParsedFile parsed = Parsing.onLargeStack(() -> frontEnd.parse(file));

        assertThat(parsed.notifications()).isEmpty();
        assertThat(parsed.translationUnit()).isPresent();
    }

    @Test
    void twentyThousandNestedParenthesesGiveANotificationNotAnError() {
        String deep = "(".repeat(20_000) + "1" + ")".repeat(20_000);
        Path file = Parsing.write(tree, "deeper.c", "int f(void) { return " + deep + "; }\n");
        FrontEnd frontEnd = new FrontEnd(FrontEndSettings.defaults(CeVersion.CE6), tree);

        ParsedFile parsed = frontEnd.parse(file);

        assertThat(parsed.translationUnit()).isEmpty();
        assertThat(parsed.notifications()).singleElement().satisfies(note -> {
            assertThat(note.id()).isEqualTo("parse-failure");
            assertThat(note.level()).isEqualTo(Level.ERROR);
        });
    }

    @Test
    void commentsInWindows1252AndGbkWithCrLfDoNotDisturbTheParse() {
        byte[] gbk = "// 初始化寄存器\r\n".getBytes(java.nio.charset.Charset.forName("GBK"));
        byte[] cp1252 = "/* Gerät für Übertragung */\r\n".getBytes(SourceDecoder.WINDOWS_1252);
        byte[] code = "#include <windows.h>\r\nDWORD g = 1;\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[gbk.length + cp1252.length + code.length];
        System.arraycopy(gbk, 0, all, 0, gbk.length);
        System.arraycopy(cp1252, 0, all, gbk.length, cp1252.length);
        System.arraycopy(code, 0, all, gbk.length + cp1252.length, code.length);
        Path file = Parsing.write(tree, "mixed.c", all);

        ParsedFile parsed = new FrontEnd(FrontEndSettings.defaults(CeVersion.CE6), tree).parse(file);

        assertThat(parsed.notifications()).isEmpty();
        IASTTranslationUnit unit = Parsing.unit(parsed);
        assertThat(parsed.locationOf(unit.getDeclarations()[unit.getDeclarations().length - 1]).line()).isEqualTo(4);
    }

    @Test
    void aUtf16FileWithAByteOrderMarkIsParsedAndNoted() {
        String text = "\uFEFF#include <windows.h>\r\n// Zählerstand\r\nDWORD g = 0x10;\r\n";
        Path file = Parsing.write(tree, "wide.c", text, StandardCharsets.UTF_16LE);

        ParsedFile parsed = new FrontEnd(FrontEndSettings.defaults(CeVersion.CE6), tree).parse(file);

        assertThat(parsed.notifications()).extracting(Notification::id).containsExactly("decoded-utf16");
        assertThat(parsed.text()).startsWith("#include <windows.h>");
        assertThat(Parsing.unit(parsed).getDeclarations()).isNotEmpty();
    }

    @Test
    void theTargetSetsTheVersionMacros() {
        String code = "#if _WIN32_WCE == 0x500 && UNDER_CE == 0x500 && WINCEOSVER == 500 && defined(ARM) && defined(_ARM_)\n"
                + "int ce5;\n#endif\n#if _WIN32_WCE >= 0x600\nint ce6;\n#endif\n#ifdef _X86_\nint x86;\n#endif\n";
        Path file = Parsing.write(tree, "ver.c", code);

        ParsedFile ce5 = new FrontEnd(FrontEndSettings.defaults(CeVersion.CE5), tree).parse(file);
        ParsedFile ce7x86 = new FrontEnd(new FrontEndSettings(CeVersion.CE7, "x86", List.of(), Map.of()), tree).parse(file);

        assertThat(Parsing.unit(ce5).getDeclarations()).extracting(d -> d.getRawSignature()).containsExactly("int ce5;");
        assertThat(Parsing.unit(ce7x86).getDeclarations()).extracting(d -> d.getRawSignature())
                .containsExactly("int ce6;", "int x86;");
    }

    @Test
    void commandLineDefinesWin() {
        Path file = Parsing.write(tree, "def.c", "int v = FEATURE; int w = _WIN32_WCE;\n");
        FrontEndSettings settings = new FrontEndSettings(CeVersion.CE6, "ARM", List.of(),
                Map.of("FEATURE", "", "_WIN32_WCE", "0x601"));

        ParsedFile parsed = new FrontEnd(settings, tree).parse(file);

        assertThat(Parsing.unit(parsed).getMacroExpansions()).extracting(m -> m.getMacroReference().toString())
                .containsExactly("FEATURE", "_WIN32_WCE");
        assertThat(Parsing.unit(parsed).getMacroDefinitions()).isEmpty();
        assertThat(Parsing.unit(parsed).getBuiltinMacroDefinitions()).anySatisfy(m -> {
            assertThat(m.getName().toString()).isEqualTo("_WIN32_WCE");
            assertThat(m.getExpansion()).isEqualTo("0x601");
        });
        assertThat(Parsing.unit(parsed).getBuiltinMacroDefinitions()).anySatisfy(m -> {
            assertThat(m.getName().toString()).isEqualTo("FEATURE");
            assertThat(m.getExpansion()).isEqualTo("1");
        });
    }

    @Test
    void inlineAssemblyIsBlankedInTheTextWithoutMovingAnything() {
        String text = "#include <windows.h>\nvoid f(void) {\n  __asm {\n    mov eax, 1\n  }\n  Sleep(1);\n}\n";
        ParsedFile parsed = Parsing.parse(tree, "asm.c", text);

        assertThat(parsed.text()).hasSameSizeAs(text).doesNotContain("mov eax");
        assertThat(parsed.locationOf(Parsing.calls(Parsing.unit(parsed)).get(0)).line()).isEqualTo(6);
        assertThat(parsed.notifications()).isEmpty();
    }

    /**
     * A register header whose comment ends in a backslash and trailing spaces: MSVC does not join
     * the next line (the union's closing brace) to the comment. If the parser did, the struct would
     * never end and swallow the rest of the driver up to its last brace.
     */
    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n"})
    void aBackslashFollowedBySpacesEndsACommentWithoutJoiningTheNextLine(String newline) {
        Parsing.write(tree, "inc/soc_uart_regs.h", String.join(newline,
                "#ifndef __SOC_UART_REGS_H",
                "#define __SOC_UART_REGS_H",
                "#pragma warning(push)",
                "#pragma warning(disable: 4201)",
                "typedef volatile unsigned char REG8;",
                "typedef struct {",
                "   union {                          //offset 0x0",
                "      REG8 DLL;                     //config mode A&B, read and write",
                "      REG8 RHR;                     //operational mode read",
                "   };",
                "   REG8 RESERVED_1[3];",
                "   union {                          //offset 0x4",
                "      REG8 LSR;                     //config mode A read, oper mode read",
                "      REG8 XON2_ADDR2;              //config mode B read & write\\      ",
                "   };",
                "   REG8 RESERVED_2[3];",
                "   union {                          //offset 0x8",
                "      REG8 MSR;                     //config mode A read & oper mode read",
                "      REG8 XOFF1;                   //config mode B read & write\\\t",
                "   };",
                "   REG8 RESERVED_3[3];",
                "} SOC_UART_REGS;",
                "#pragma warning(pop)",
                "#define UART_LSR_RX_FIFO_E (1 << 0)",
                "#endif",
                ""));
        String driver = String.join(newline,
                "#include <windows.h>",
                "#include <ceddk.h>",
                "#include \"inc/soc_uart_regs.h\"",
                "",
                "static SOC_UART_REGS *g_pUartRegs;",
                "",
                "BOOL UartInit(DWORD base)",
                "{",
                "    PHYSICAL_ADDRESS pa;",
                "    VOID *pDma = HalAllocateCommonBuffer(NULL, 4096, &pa, FALSE);",
                "    pa.QuadPart = base;",
                "    g_pUartRegs = (SOC_UART_REGS *)MmMapIoSpace(pa, sizeof(SOC_UART_REGS), FALSE);",
                "    return g_pUartRegs != NULL && pDma != NULL;",
                "}",
                "",
                "BOOL UartRxEmpty(void)",
                "{",
                "    return (g_pUartRegs->LSR & UART_LSR_RX_FIFO_E) == 0;",
                "}",
                "");
        ParsedFile parsed = Parsing.parse(tree, "uart.c", driver);

        IASTTranslationUnit unit = Parsing.unit(parsed);
        assertThat(parsed.notifications()).isEmpty();
        assertThat(Arrays.stream(unit.getDeclarations(false))
                .filter(IASTFunctionDefinition.class::isInstance)
                .map(d -> ((IASTFunctionDefinition) d).getDeclarator().getName().toString()))
                .containsExactly("UartInit", "UartRxEmpty");
        IASTFunctionCallExpression map = Parsing.calls(unit).get(1);
        assertThat(map.getFunctionNameExpression().getRawSignature()).isEqualTo("MmMapIoSpace");
        assertThat(parsed.locationOf(map).line()).isEqualTo(12);
        assertThat(Parsing.nodes(unit, IASTFieldReference.class)).hasSize(2)
                .allSatisfy(field -> assertThat(field.getFieldName().resolveBinding()).isInstanceOf(IField.class)
                        .isNotInstanceOf(IProblemBinding.class));
    }

    @Test
    void oneFrontEndParsesOnManyThreadsAtOnce() throws Exception {
        List<Path> files = new java.util.ArrayList<>();
        Parsing.write(tree, "inc/shared.h", "#define BASE 0x1000\n");
        for (int i = 0; i < 24; i++) {
            files.add(Parsing.write(tree, "d" + i + "/f.c", "#include <windows.h>\n#include \"../inc/shared.h\"\n"
                    + "#include <missing" + (i % 3) + ".h>\nDWORD v" + i + " = BASE + " + i + ";\n"));
        }
        FrontEnd frontEnd = new FrontEnd(FrontEndSettings.defaults(CeVersion.CE6), tree);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<ParsedFile>> results = new java.util.ArrayList<>();
            for (Path file : files) {
                results.add(pool.submit(() -> frontEnd.parse(file)));
            }
            for (java.util.concurrent.Future<ParsedFile> result : results) {
                ParsedFile parsed = result.get();
                assertThat(parsed.notifications()).extracting(Notification::id).containsExactly("header-not-found");
                assertThat(Parsing.unit(parsed).getMacroExpansions()).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
