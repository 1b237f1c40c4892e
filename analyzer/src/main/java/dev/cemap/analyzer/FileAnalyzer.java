package dev.cemap.analyzer;

import dev.cemap.analyzer.frontend.FrontEnd;
import dev.cemap.analyzer.frontend.ParsedFile;
import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.analyzer.replay.FunctionReplay;
import dev.cemap.analyzer.replay.FunctionReplayer;
import dev.cemap.emulator.CeVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;

/**
 * Parses one file and replays each function defined in it. The AST is dropped when this returns:
 * only the replays, which hold no parser types, leave the analyzer.
 */
public final class FileAnalyzer {

    private final FrontEnd frontEnd;
    private final CeVersion target;

    public FileAnalyzer(FrontEnd frontEnd, CeVersion target) {
        this.frontEnd = frontEnd;
        this.target = target;
    }

    /** Never throws; a failure is a notification of the result. */
    public FileAnalysis analyze(Path file) {
        ParsedFile parsed = frontEnd.parse(file);
        List<Notification> notifications = new ArrayList<>(parsed.notifications());
        Optional<IASTTranslationUnit> unit = parsed.translationUnit();
        if (unit.isEmpty()) {
            return new FileAnalysis(parsed.file(), false, List.of(), notifications);
        }
        FunctionReplayer replayer = new FunctionReplayer(target, parsed::locationOf);
        List<FunctionReplay> replays = new ArrayList<>();
        for (IASTFunctionDefinition definition : definitionsIn(unit.get())) {
            try {
                FunctionReplay replay = replayer.replay(definition);
                if (!replay.events().isEmpty()) {
                    replays.add(replay);
                }
            } catch (RuntimeException | StackOverflowError e) {
                notifications.add(Notification.at("replay-failure", Level.WARNING, parsed.locationOf(definition),
                        "function " + definition.getDeclarator().getName() + " could not be replayed ("
                                + e.getClass().getSimpleName() + "); its mapping calls are not checked"));
            }
        }
        return new FileAnalysis(parsed.file(), true, replays, notifications);
    }

    /** Function definitions of the file itself (not of headers), including C++ members and namespaces. */
    private static List<IASTFunctionDefinition> definitionsIn(IASTTranslationUnit unit) {
        List<IASTFunctionDefinition> definitions = new ArrayList<>();
        unit.accept(new ASTVisitor() {
            {
                shouldVisitDeclarations = true;
            }

            @Override
            public int visit(IASTDeclaration declaration) {
                if (declaration instanceof IASTFunctionDefinition definition) {
                    if (definition.isPartOfTranslationUnitFile()) {
                        definitions.add(definition);
                    }
                    return PROCESS_SKIP; // a function body holds no further definitions to replay
                }
                return PROCESS_CONTINUE;
            }
        });
        return definitions;
    }
}
