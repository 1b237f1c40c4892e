package dev.cemap.analyzer.frontend;

import dev.cemap.emulator.CeVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;

/** Helpers shared by the front-end tests: write a file, parse it, find nodes. */
final class Parsing {

    private Parsing() {
    }

    static Path write(Path folder, String relative, String text) {
        return write(folder, relative, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path folder, String relative, String text, Charset charset) {
        return write(folder, relative, text.getBytes(charset));
    }

    static Path write(Path folder, String relative, byte[] bytes) {
        try {
            Path file = folder.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParsedFile parse(Path folder, String name, String text) {
        return new FrontEnd(FrontEndSettings.defaults(CeVersion.CE6), folder).parse(write(folder, name, text));
    }

    static IASTTranslationUnit unit(ParsedFile parsed) {
        return parsed.translationUnit().orElseThrow(() -> new AssertionError("no AST: " + parsed.notifications()));
    }

    /** Every node of a type, in source order, from the parsed file itself (not its headers). */
    static <T extends IASTNode> List<T> nodes(IASTTranslationUnit unit, Class<T> type) {
        List<T> found = new ArrayList<>();
        unit.accept(new ASTVisitor(true) {
            @Override
            public int visit(IASTExpression expression) {
                collect(expression);
                return PROCESS_CONTINUE;
            }

            private void collect(IASTNode node) {
                if (type.isInstance(node) && node.isPartOfTranslationUnitFile()) {
                    found.add(type.cast(node));
                }
            }
        });
        return found;
    }

    static List<IASTFunctionCallExpression> calls(IASTTranslationUnit unit) {
        return nodes(unit, IASTFunctionCallExpression.class);
    }

    /** Runs {@code task} on a thread with a 16 MB stack, as the scanner's parse threads are created. */
    static <T> T onLargeStack(java.util.function.Supplier<T> task) {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(null, () -> {
            try {
                result[0] = task.get();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "parse-16m", 16L << 20);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (failure[0] != null) {
            throw new AssertionError(failure[0]);
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }
}
