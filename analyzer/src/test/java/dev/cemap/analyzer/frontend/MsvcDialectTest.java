package dev.cemap.analyzer.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.cdt.core.dom.ast.IASTBreakStatement;
import org.eclipse.cdt.core.dom.ast.IASTCompoundStatement;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTIfStatement;
import org.eclipse.cdt.core.dom.ast.IASTLiteralExpression;
import org.eclipse.cdt.core.dom.ast.IASTStatement;
import org.eclipse.cdt.core.dom.ast.IASTSwitchStatement;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every MSVC construct CE drivers use parses without a problem, in C and in C++. */
class MsvcDialectTest {

    @TempDir
    Path tree;

    static Stream<Arguments> constructs() {
        List<String[]> samples = List.of(
                new String[] {"sized integers", "unsigned __int64 a = 1; __int32 b; __int16 c; __int8 d; signed __int64 e;"},
                new String[] {"literal suffixes", "__int64 a = 5i64; unsigned __int64 b = 0xFFui64; int c = 3i32; short d = 2i16;"},
                new String[] {"declspec", "__declspec(dllexport) DWORD f(void) { return 0; } __declspec(align(16)) int g;"
                        + " extern __declspec(selectany) int h;"},
                new String[] {"inline", "__inline int f(int x) { return x; } __forceinline int g(void) { return 1; }"},
                new String[] {"calling conventions", "int __cdecl a(void); int __stdcall b(void); int __fastcall c(int);"
                        + " DWORD WINAPI d(LPVOID p); LONG APIENTRY e(void); BOOL CALLBACK f(HWND h);"
                        + " typedef DWORD (WINAPI *PFN)(LPVOID);"},
                new String[] {"SAL annotations", "BOOL f(_In_ PVOID a, _Out_ PDWORD b, _In_opt_ LPCWSTR c,"
                        + " __in_bcount(n) PBYTE d, __out_ecount_opt(n) PWORD e, __in DWORD n, __out_opt PDWORD g,"
                        + " IN DWORD h, OUT PDWORD i, OPTIONAL PVOID j, _Out_writes_bytes_(n) PVOID k,"
                        + " _Inout_updates_(n) PDWORD l, __inout PVOID m);"},
                new String[] {"__pragma and #pragma", "#pragma warning(push)\n#pragma warning(disable: 4100)\n"
                        + "#pragma comment(lib, \"ceddk.lib\")\n#pragma once\n"
                        + "void f(void) { __pragma(warning(suppress: 6011)) f(); }\n#pragma warning(pop)\n"},
                new String[] {"try except", "int f(PDWORD p) { int ok = 0; __try { *p = 1; ok = 1; }"
                        + " __except (EXCEPTION_EXECUTE_HANDLER) { ok = 0; } return ok; }"},
                new String[] {"try except with filter", "int f(PDWORD p) { __try { *p = 1; } __except (GetExceptionCode()"
                        + " == STATUS_ACCESS_VIOLATION ? EXCEPTION_EXECUTE_HANDLER : EXCEPTION_CONTINUE_SEARCH) { return 0; }"
                        + " return 1; }"},
                new String[] {"try finally leave", "int f(PDWORD p) { __try { if (!p) __leave; *p = 1; }"
                        + " __finally { p = 0; } return 0; }"},
                new String[] {"inline assembly", "void f(void) {\n  __asm {\n    mov eax, 1 ; a } in a comment\n"
                        + "    int 3\n  }\n  __asm mov ebx, 2\n  _asm\n  {\n    nop\n  }\n  { __asm int 3 }\n}\n"},
                new String[] {"assembly in a macro", "#define BREAK() __asm int 3\nvoid f(void) { BREAK(); }"},
                new String[] {"debug macros", "void f(DWORD x) { DEBUGMSG(1, (TEXT(\"x=%d\\r\\n\"), x));"
                        + " RETAILMSG(x > 2, (L\"y\")); ERRORMSG(1, (TEXT(\"e\"))); DEBUGCHK(x); ASSERT(x != 0); }"},
                new String[] {"unsigned casts of -1", "DWORD f(void) { return (DWORD)-1; }"},
                new String[] {"based and ptr64", "void * __ptr64 p; int __w64 q;"});
        return samples.stream().flatMap(sample -> Stream.of(
                Arguments.of(sample[0], SourceLanguage.C, sample[1]),
                Arguments.of(sample[0], SourceLanguage.CPP, sample[1])));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("constructs")
    void parsesWithoutProblems(String construct, SourceLanguage language, String code) {
        String name = language == SourceLanguage.C ? "sample.c" : "sample.cpp";
        ParsedFile parsed = Parsing.parse(tree, name, "#include <windows.h>\n" + code + "\n");

        assertThat(parsed.notifications()).as(construct).isEmpty();
        assertThat(parsed.translationUnit()).isPresent();
    }

    @Test
    void tryExceptKeepsTheGuardedBlockAndTheHandlerInOrder() {
        ParsedFile parsed = Parsing.parse(tree, "seh.c", "#include <windows.h>\n"
                + "void f(PDWORD p) { __try { first(); } __except (EXCEPTION_EXECUTE_HANDLER) { second(); } third(); }\n");
        IASTFunctionDefinition function = (IASTFunctionDefinition) Parsing.unit(parsed).getDeclarations()[
                Parsing.unit(parsed).getDeclarations().length - 1];
        IASTStatement[] body = ((IASTCompoundStatement) function.getBody()).getStatements();

        IASTIfStatement guard = (IASTIfStatement) body[0];
        assertThat(guard.getConditionExpression().getRawSignature()).isEqualTo("__try");
        assertThat(guard.getThenClause()).isInstanceOf(IASTCompoundStatement.class);
        assertThat(guard.getThenClause().getRawSignature()).contains("first()");
        assertThat(guard.getElseClause()).isInstanceOf(IASTIfStatement.class);
        assertThat(guard.getElseClause().getRawSignature()).contains("second()");
        assertThat(body[1].getRawSignature()).contains("third()");
    }

    @Test
    void tryFinallyRunsTheFinallyBlockAfterTheGuardedOne() {
        ParsedFile parsed = Parsing.parse(tree, "seh.cpp", "#include <windows.h>\n"
                + "void f(PDWORD p) { __try { if (!p) __leave; first(); } __finally { second(); } }\n");
        IASTTranslationUnit unit = Parsing.unit(parsed);
        IASTFunctionDefinition function = (IASTFunctionDefinition) unit.getDeclarations()[unit.getDeclarations().length - 1];
        IASTStatement[] body = ((IASTCompoundStatement) function.getBody()).getStatements();

        assertThat(body).hasSize(2);
        IASTIfStatement guard = (IASTIfStatement) body[0];
        assertThat(guard.getElseClause()).isNull();
        assertThat(guard.getThenClause()).as("__leave needs a switch to break out of")
                .isInstanceOf(IASTSwitchStatement.class);
        assertThat(body[1]).isInstanceOf(IASTCompoundStatement.class);
        assertThat(body[1].getRawSignature()).contains("second()");
        assertThat(Parsing.nodes(unit, IASTFunctionCallExpression.class)).hasSize(2);
        assertThat(body[0].getRawSignature()).contains("__leave");
        assertThat(containsBreak(body[0])).isTrue();
    }

    @Test
    void literalSuffixesStayOnTheLiteral() {
        ParsedFile parsed = Parsing.parse(tree, "lit.c", "unsigned __int64 v = 0x100000000ui64;\n");

        assertThat(Parsing.nodes(Parsing.unit(parsed), IASTLiteralExpression.class))
                .extracting(IASTLiteralExpression::getRawSignature).containsExactly("0x100000000ui64");
    }

    private static boolean containsBreak(IASTStatement statement) {
        boolean[] found = {false};
        statement.accept(new org.eclipse.cdt.core.dom.ast.ASTVisitor() {
            {
                shouldVisitStatements = true;
            }

            @Override
            public int visit(IASTStatement s) {
                found[0] |= s instanceof IASTBreakStatement;
                return PROCESS_CONTINUE;
            }
        });
        return found[0];
    }
}
