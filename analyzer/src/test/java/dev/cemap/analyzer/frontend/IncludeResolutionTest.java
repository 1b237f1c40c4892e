package dev.cemap.analyzer.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.emulator.CeVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorIncludeStatement;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncludeResolutionTest {

    @TempDir
    Path tree;

    @Test
    void aMissingHeaderIsReadAsEmptyWithOneNotePerHeader() {
        ParsedFile parsed = Parsing.parse(tree, "drv.c", "#include <windows.h>\n#include \"bsp_private.h\"\n"
                + "#include <BSP_PRIVATE.H>\n#include <other\\missing.h>\nDWORD g;\n");

        assertThat(parsed.notifications()).extracting(Notification::id, Notification::level, Notification::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("header-not-found", Level.NOTE, "header bsp_private.h not found; read as empty"),
                        org.assertj.core.groups.Tuple.tuple("header-not-found", Level.NOTE, "header other\\missing.h not found; read as empty"));
        assertThat(parsed.notifications().get(0).location()).map(SourceLocation::line).contains(2);
        assertThat(Parsing.unit(parsed).getPreprocessorProblems()).isEmpty();
        assertThat(Parsing.unit(parsed).getDeclarations()).isNotEmpty();
    }

    @Test
    void includesWithBackslashesAndAnyCaseAreFound() {
        Parsing.write(tree, "Platform/MyBsp/Src/Inc/Bsp_Regs.h", "#define UART_BASE 0x48020000\n");
        ParsedFile parsed = Parsing.parse(tree, "Platform/MyBsp/Src/Drivers/Uart/uart.c",
                "#include \"..\\..\\INC\\bsp_regs.H\"\nunsigned long base = UART_BASE;\n");

        assertThat(parsed.notifications()).isEmpty();
        IASTPreprocessorIncludeStatement include = Parsing.unit(parsed).getIncludeDirectives()[0];
        assertThat(Path.of(include.getPath()))
                .isEqualTo(tree.resolve("Platform/MyBsp/Src/Inc/Bsp_Regs.h").toAbsolutePath().normalize());
        assertThat(Parsing.unit(parsed).getMacroExpansions()).extracting(m -> m.getMacroReference().toString())
                .containsExactly("UART_BASE");
    }

    @Test
    void angleIncludesSearchTheIncludingFolderTheParsedFileFolderAndTheIncludeDirs() {
        Parsing.write(tree, "drv/local.h", "#include <nested.h>\n");
        Parsing.write(tree, "drv/NESTED.H", "#define FROM_NESTED 1\n");
        Parsing.write(tree, "common/inc/Shared.h", "#define FROM_SHARED 2\n");
        Path file = Parsing.write(tree, "drv/d.c", "#include <local.h>\n#include <shared.h>\nint a = FROM_NESTED + FROM_SHARED;\n");
        FrontEndSettings settings = new FrontEndSettings(CeVersion.CE6, "ARM", List.of(tree.resolve("common/inc")), Map.of());

        ParsedFile parsed = new FrontEnd(settings, tree).parse(file);

        assertThat(parsed.notifications()).isEmpty();
        assertThat(Parsing.unit(parsed).getMacroExpansions()).hasSize(2);
    }

    @Test
    void bundledSdkHeadersWinOverCopiesInTheTree() {
        Parsing.write(tree, "drv/windows.h", "#error the copy in the tree must not be read\n");
        ParsedFile parsed = Parsing.parse(tree, "drv/d.c", "#include \"windows.h\"\nDWORD g;\n");

        assertThat(parsed.notifications()).isEmpty();
        assertThat(BundledHeaders.isBundled(Path.of(Parsing.unit(parsed).getIncludeDirectives()[0].getPath()))).isTrue();
    }

    @Test
    void fallbackHeadersYieldToTheRealOne() {
        Parsing.write(tree, "inc/oal.h", "#define REAL_OAL 1\n");
        Path withReal = Parsing.write(tree, "a/a.c", "#include <oal.h>\nint r = REAL_OAL;\n");
        Path withStub = Parsing.write(tree, "b/b.c", "#include <oal.h>\nVOID *p;\n");
        FrontEndSettings settings = new FrontEndSettings(CeVersion.CE6, "ARM", List.of(tree.resolve("inc")), Map.of());
        FrontEnd frontEnd = new FrontEnd(settings, tree);

        IASTTranslationUnit real = Parsing.unit(frontEnd.parse(withReal));
        ParsedFile stub = new FrontEnd(FrontEndSettings.defaults(CeVersion.CE6), tree).parse(withStub);

        assertThat(real.getMacroExpansions()).extracting(m -> m.getMacroReference().toString()).containsExactly("REAL_OAL");
        assertThat(stub.notifications()).isEmpty();
        assertThat(BundledHeaders.isBundled(Path.of(Parsing.unit(stub).getIncludeDirectives()[0].getPath()))).isTrue();
    }

    @Test
    void sourcesIncludesAndCdefinesApply() {
        Parsing.write(tree, "PLATFORM/MYBSP/SRC/INC/bsp_cfg.h", "#define BSP_UART_PA 0x48020000\n");
        Parsing.write(tree, "PLATFORM/MYBSP/SRC/DRIVERS/UART/sources",
                "TARGETNAME=uart\nTARGETTYPE=DYNLINK\nINCLUDES=$(INCLUDES);$(_TARGETPLATROOT)\\src\\inc\nCDEFINES=$(CDEFINES) -DUSE_DMA=2\n");
        Path file = Parsing.write(tree, "PLATFORM/MYBSP/SRC/DRIVERS/UART/uart.c",
                "#include <bsp_cfg.h>\nunsigned long pa = BSP_UART_PA;\n#if USE_DMA == 2\nint dma;\n#endif\n");

        ParsedFile parsed = new FrontEnd(FrontEndSettings.defaults(CeVersion.CE6), tree).parse(file);

        assertThat(parsed.notifications()).isEmpty();
        assertThat(Parsing.unit(parsed).getDeclarations()).extracting(d -> d.getRawSignature())
                .containsExactly("unsigned long pa = BSP_UART_PA;", "int dma;");
    }

    @Test
    void unresolvedSourcesEntriesAreReportedOncePerScan() {
        Parsing.write(tree, "drv/sources", "INCLUDES=..\\inc;$(_PUBLICROOT)\\common\\oak\\inc\n");
        Parsing.write(tree, "inc/x.h", "\n");
        Path first = Parsing.write(tree, "drv/a.c", "int a;\n");
        Path second = Parsing.write(tree, "drv/b.c", "int b;\n");
        FrontEnd frontEnd = new FrontEnd(FrontEndSettings.defaults(CeVersion.CE6), tree);

        ParsedFile a = frontEnd.parse(first);
        ParsedFile b = frontEnd.parse(second);

        assertThat(a.notifications()).extracting(Notification::id).containsExactly(SourcesFile.UNRESOLVED_ENTRY);
        assertThat(b.notifications()).isEmpty();
    }
}
