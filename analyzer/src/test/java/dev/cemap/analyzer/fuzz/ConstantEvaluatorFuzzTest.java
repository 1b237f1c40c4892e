package dev.cemap.analyzer.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.engine.EvaluationHost;
import dev.cemap.analyzer.engine.ExpressionEngine;
import dev.cemap.analyzer.frontend.FrontEnd;
import dev.cemap.analyzer.frontend.FrontEndSettings;
import dev.cemap.analyzer.frontend.ParsedFile;
import dev.cemap.analyzer.state.PathState;
import dev.cemap.emulator.CeVersion;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTEqualsInitializer;
import org.eclipse.cdt.core.dom.ast.IASTInitializer;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;

/**
 * The constant evaluator on arbitrary initializers: {@code DWORD probe = <input>;} after a prelude
 * of the macros, types and constants drivers use. Evaluation must give a value (known or not) for
 * anything that parses, and never throw.
 */
class ConstantEvaluatorFuzzTest {

    private static final byte[] PRELUDE = """
            #include <windows.h>
            #include <ceddk.h>
            #define BSP_BASE_REG_PA_UART0   0x50000000
            #define UART_OFFSET(n)          ((n) * 0x4000)
            #define PAGE_SIZE_BYTES         0x1000
            typedef struct { volatile DWORD ULCON; volatile DWORD UCON; BYTE pad[2]; WORD w; } UART_REGS;
            typedef union { DWORD d; BYTE b[6]; } SMALL_UNION;
            enum { IRQ_BASE = 16, IRQ_UART0 = IRQ_BASE + 12, IRQ_UART1 };
            static const DWORD kWindow = 2 * PAGE_SIZE_BYTES;
            DWORD probe =\s""".getBytes(StandardCharsets.US_ASCII);

    private static final FuzzFolder FOLDER = new FuzzFolder("eval");

    @FuzzTest
    @DictionaryFile(resourcePath = "/dev/cemap/analyzer/fuzz/c-driver.dict")
    void evaluate(byte[] expression) throws Exception {
        ByteArrayOutputStream source = new ByteArrayOutputStream();
        source.writeBytes(PRELUDE);
        source.writeBytes(expression);
        source.writeBytes(";\n".getBytes(StandardCharsets.US_ASCII));
        Path file = FOLDER.write(FOLDER.driverFolder().resolve("probe.c"), source.toByteArray());
        FrontEnd frontEnd = new FrontEnd(FrontEndSettings.defaults(CeVersion.CE6), FOLDER.root());
        Value value = ParserThread.run(() -> {
            ParsedFile parsed = frontEnd.parse(file);
            IASTInitializer initializer = probeInitializer(parsed);
            return initializer instanceof IASTEqualsInitializer equals
                    ? ExpressionEngine.pure(EvaluationHost.constants()).peek(new PathState(CeVersion.CE6), equals.getInitializerClause())
                    : Value.unknown();
        });
        assertThat(value).isNotNull();
    }

    /** The initializer of {@code probe}, when the input left it the file's last declaration. */
    private static IASTInitializer probeInitializer(ParsedFile parsed) {
        IASTTranslationUnit unit = parsed.translationUnit().orElse(null);
        if (unit == null || unit.getDeclarations().length == 0) {
            return null;
        }
        IASTDeclaration[] declarations = unit.getDeclarations();
        if (!(declarations[declarations.length - 1] instanceof IASTSimpleDeclaration last)
                || last.getDeclarators().length == 0) {
            return null;
        }
        return last.getDeclarators()[0].getInitializer();
    }
}
