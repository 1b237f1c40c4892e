package dev.cemap.analyzer.frontend;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.analyzer.model.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorIncludeStatement;
import org.eclipse.cdt.core.dom.ast.IASTProblem;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.parser.IProblem;

/** Turns what CDT reports about a translation unit into the tool's notifications. */
final class ParseNotifications {

    /** A syntax or preprocessor problem; the file still has an AST. */
    static final String PARSE_PROBLEM = "parse-problem";
    /** The parser gave up (stack overflow, internal error); the file has no AST. */
    static final String PARSE_FAILURE = "parse-failure";
    /** The file is larger than the front end parses. */
    static final String TOO_LARGE = "file-too-large";
    /** The file could not be read. */
    static final String READ_ERROR = "read-error";
    /** An {@code #include} that is neither in the tree nor bundled; it was read as empty. */
    static final String HEADER_NOT_FOUND = "header-not-found";
    /** An {@code #include}d file that exists but could not be read; it was read as empty. */
    static final String HEADER_UNREADABLE = "header-unreadable";
    /** The file is UTF-16 (it has a byte-order mark). */
    static final String DECODED_UTF16 = "decoded-utf16";

    /**
     * Syntax problems reported per file before the rest are summed up: a binary or generated
     * file can produce thousands, which would drown everything else.
     */
    static final int MAX_PROBLEMS_PER_FILE = 20;

    private ParseNotifications() {
    }

    static List<Notification> of(IASTTranslationUnit unit, SourceLocator locator, Set<Path> unreadableHeaders) {
        List<Notification> notes = new ArrayList<>();
        List<Notification> problems = new ArrayList<>();
        missingHeaders(unit, locator, notes);
        for (Path header : unreadableHeaders) {
            notes.add(Notification.at(HEADER_UNREADABLE, Level.NOTE, SourceLocation.of(header, 1, 1),
                    "header " + header.getFileName() + " could not be read; read as empty"));
        }
        for (IASTProblem problem : unit.getPreprocessorProblems()) {
            if (problem.getID() != IProblem.PREPROCESSOR_INCLUSION_NOT_FOUND) {
                problems.add(Notification.at(PARSE_PROBLEM, Level.WARNING, locator.locate(problem),
                        "preprocessor: " + problem.getMessage()));
            }
        }
        unit.accept(new ASTVisitor() {
            {
                shouldVisitProblems = true;
            }

            @Override
            public int visit(IASTProblem problem) {
                String consequence = insideFunction(problem)
                        ? "the enclosing function was analysed partially"
                        : "the declaration was skipped";
                problems.add(Notification.at(PARSE_PROBLEM, Level.WARNING, locator.locate(problem),
                        "syntax error here; " + consequence));
                return PROCESS_CONTINUE;
            }
        });
        problems.sort(null);
        notes.addAll(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS_PER_FILE)));
        if (problems.size() > MAX_PROBLEMS_PER_FILE) {
            Notification last = problems.get(MAX_PROBLEMS_PER_FILE);
            notes.add(new Notification(PARSE_PROBLEM, Level.WARNING, (problems.size() - MAX_PROBLEMS_PER_FILE)
                    + " more syntax problems in this file were not listed; is it C source?", last.location()));
        }
        return notes;
    }

    /** One note per distinct header name per file, at its first {@code #include}. */
    private static void missingHeaders(IASTTranslationUnit unit, SourceLocator locator, List<Notification> notes) {
        Set<String> reported = new LinkedHashSet<>();
        for (IASTPreprocessorIncludeStatement include : unit.getIncludeDirectives()) {
            String path = include.getPath();
            if (path == null || !path.startsWith(IncludeSearch.MISSING_FOLDER.toString())) {
                continue;
            }
            String name = include.getName().toString();
            if (reported.add(name.replace('\\', '/').toLowerCase(Locale.ROOT))) {
                notes.add(Notification.at(HEADER_NOT_FOUND, Level.NOTE, locator.locate(include),
                        "header " + name + " not found; read as empty"));
            }
        }
    }

    private static boolean insideFunction(IASTNode node) {
        for (IASTNode n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof IASTFunctionDefinition) {
                return true;
            }
        }
        return false;
    }
}
