package dev.cemap.analyzer.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cemap.analyzer.engine.EvaluationHost;
import dev.cemap.analyzer.engine.ExpressionEngine;
import dev.cemap.analyzer.frontend.FrontEnd;
import dev.cemap.analyzer.frontend.FrontEndSettings;
import dev.cemap.analyzer.frontend.ParsedFile;
import dev.cemap.analyzer.state.PathState;
import dev.cemap.emulator.CeVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTEqualsInitializer;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Constant evaluation over the parsed AST: each case is the initializer of a global {@code probe}. */
class ExpressionEvaluatorTest {

    private static final String PRELUDE = """
            #include <windows.h>
            #include <ceddk.h>
            #define BSP_BASE_REG_PA_UART0   0x50000000
            #define UART_OFFSET(n)          ((n) * 0x4000)
            typedef struct { volatile DWORD ULCON; volatile DWORD UCON; BYTE pad[2]; WORD w; } UART_REGS;
            typedef union { DWORD d; BYTE b[6]; } SMALL_UNION;
            enum { IRQ_BASE = 16, IRQ_UART0 = IRQ_BASE + 12, IRQ_UART1 };
            static const DWORD kWindow = 2 * PAGE_SIZE_BYTES;
            """;

    @TempDir
    Path folder;

    private Value evaluate(String language, String expression) throws IOException {
        Path file = folder.resolve("probe." + language);
        String defines = "#define PAGE_SIZE_BYTES 0x1000\n";
        Files.writeString(file, defines + PRELUDE + "DWORD probe = " + expression + ";\n", StandardCharsets.UTF_8);
        ParsedFile parsed = new FrontEnd(FrontEndSettings.defaults(CeVersion.CE6), folder).parse(file);
        IASTDeclaration[] declarations = parsed.translationUnit().orElseThrow().getDeclarations();
        IASTSimpleDeclaration probe = (IASTSimpleDeclaration) declarations[declarations.length - 1];
        IASTEqualsInitializer initializer = (IASTEqualsInitializer) probe.getDeclarators()[0].getInitializer();
        return ExpressionEngine.pure(EvaluationHost.constants()).peek(new PathState(CeVersion.CE6), initializer.getInitializerClause());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', value = {
        "c; BSP_BASE_REG_PA_UART0 + UART_OFFSET(2); 0x50008000",
        "c; (BSP_BASE_REG_PA_UART0 >> 8); 0x500000",
        "c; 0x7F005400 / 256; 0x7F0054",
        "c; 0x10i64 + 0x20ui64; 0x30",
        "c; 010 + 0x10 + 'A'; 89",
        "c; sizeof(UART_REGS); 12",
        "c; sizeof(SMALL_UNION); 8",
        "c; sizeof(PVOID) + sizeof(DWORD) + sizeof(__int64); 16",
        "c; IRQ_UART1; 29",
        "c; kWindow; 0x2000",
        "c; (DWORD)-1; 0xFFFFFFFF",
        "c; (BYTE)0x1234; 0x34",
        "c; ~0xFFF & 0x7F005400; 0x7F005000",
        "c; PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL; 0x604",
        "c; MEM_RESERVE; 0x2000",
        "c; 1 ? 0x40 : 0x80; 0x40",
        "cpp; static_cast<DWORD>(0x48000000 >> 8); 0x480000",
        "cpp; sizeof(UART_REGS) * 2; 24",
        "cpp; reinterpret_cast<DWORD>((PVOID)0x1000); 0x1000",
    })
    void evaluatesConstants(String language, String expression, String expected) throws IOException {
        long value = Long.decode(expected.strip());
        assertThat(evaluate(language, expression).number()).as(expression).hasValue(value);
    }

    @Test
    void shiftsAndDivisionsKeepTheirShape() throws IOException {
        Value shifted = evaluate("c", "(PVOID)((BSP_BASE_REG_PA_UART0 + 0x400) >> 8)");
        assertThat(shifted.shape().isPhysicalShift()).isTrue();
        assertThat(shifted.shape().operand().number()).hasValue(0x50000400L);
        Value scaled = evaluate("c", "BSP_BASE_REG_PA_UART0 / 4096");
        assertThat(scaled.shape().isOtherScaling()).isTrue();
        assertThat(scaled.shape().operatorText()).isEqualTo("/ 4096");
        assertThat(evaluate("c", "BSP_BASE_REG_PA_UART0 + 1").shape().kind()).isEqualTo(Shape.Kind.PLAIN);
    }

    @Test
    void whatCannotBeKnownIsUnknown() throws IOException {
        assertThat(evaluate("c", "GetTickCount()").isUnknown()).isTrue();
        assertThat(evaluate("c", "10 / 0").isKnown()).isFalse();
        assertThat(evaluate("c", "sizeof(struct never_defined)").isKnown()).isFalse();
    }

    @Test
    void integerLiteralsAsMsvcWritesThem() {
        assertThat(IntegerLiterals.parseInteger("0x7F005400UL")).hasValue(0x7F005400L);
        assertThat(IntegerLiterals.parseInteger("0x10i64")).hasValue(0x10);
        assertThat(IntegerLiterals.parseInteger("0777")).hasValue(511);
        assertThat(IntegerLiterals.parseInteger("0xFFFFFFFFFFFFFFFFui64")).hasValue(-1L);
        assertThat(IntegerLiterals.parseInteger("12abc")).isEmpty();
        assertThat(IntegerLiterals.parseCharacter("'\\0'")).hasValue(0);
        assertThat(IntegerLiterals.parseCharacter("'spiD'")).hasValue(0x73706944L);
        assertThat(IntegerLiterals.parseCharacter("'SPIDE'")).isEmpty();
    }
}
