package dev.cemap.analyzer.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cemap.emulator.CeVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.dom.ast.IBinding;
import org.eclipse.cdt.core.dom.ast.IProblemBinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealisticDriverTest {

    @TempDir
    Path tree;

    private ParsedFile parseDriver() throws IOException {
        for (String name : List.of("gpio_drv.c", "soc_base_regs.h")) {
            try (InputStream in = getClass().getResourceAsStream("/frontend/driver/" + name)) {
                Parsing.write(tree, "DRIVERS/GPIO/" + name, in.readAllBytes());
            }
        }
        return new FrontEnd(FrontEndSettings.defaults(CeVersion.CE6), tree).parse(tree.resolve("DRIVERS/GPIO/gpio_drv.c"));
    }

    @Test
    void aStreamDriverParsesWithoutAnyNotification() throws IOException {
        ParsedFile parsed = parseDriver();

        assertThat(parsed.notifications()).isEmpty();
        assertThat(parsed.translationUnit()).isPresent();
    }

    @Test
    void everyCalledFunctionResolvesToADeclaration() throws IOException {
        IASTTranslationUnit unit = Parsing.unit(parseDriver());
        Set<String> resolved = new TreeSet<>();
        Set<String> unresolved = new TreeSet<>();
        for (IASTFunctionCallExpression call : Parsing.calls(unit)) {
            if (call.getFunctionNameExpression() instanceof IASTIdExpression id) {
                IBinding binding = id.getName().resolveBinding();
                (binding instanceof IProblemBinding ? unresolved : resolved).add(id.getName().toString());
            }
        }

        assertThat(unresolved).isEmpty();
        assertThat(resolved).contains("VirtualAlloc", "VirtualCopy", "VirtualFree", "MmMapIoSpace", "MmUnmapIoSpace",
                "DDKReg_GetWindowInfo", "OpenDeviceKey", "RegCloseKey", "KernelIoControl", "InterruptInitialize",
                "InterruptDone", "CreateEventW", "CreateThread", "WaitForSingleObject", "LocalAlloc", "LocalFree",
                "memcpy", "NKDbgPrintfW", "MapRegisters");
    }
}
