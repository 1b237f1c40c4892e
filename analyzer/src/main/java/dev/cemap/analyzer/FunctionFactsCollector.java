package dev.cemap.analyzer;

import dev.cemap.analyzer.engine.ExpressionEngine;
import dev.cemap.analyzer.engine.FunctionNames;
import dev.cemap.analyzer.frontend.FrontEnd;
import dev.cemap.analyzer.frontend.ParsedFile;
import dev.cemap.analyzer.summary.EffectExtractor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;

/**
 * Lists the functions a file defines, the names each one calls and what each does to the places
 * its callers see: for the {@link WrapperIndex} and the tree's summaries.
 */
public final class FunctionFactsCollector {

    private final FrontEnd frontEnd;

    public FunctionFactsCollector(FrontEnd frontEnd) {
        this.frontEnd = frontEnd;
    }

    /** Never throws: a file that does not parse has no facts (the analysis pass reports it). */
    public List<WrapperIndex.FunctionFacts> collect(Path file) {
        try {
            ParsedFile parsed = frontEnd.parse(file);
            return parsed.translationUnit().map(unit -> factsOf(parsed.file(), UnitDefinitions.of(unit))).orElse(List.of());
        } catch (RuntimeException | StackOverflowError e) {
            return List.of();
        }
    }

    static List<WrapperIndex.FunctionFacts> factsOf(Path file, UnitDefinitions definitions) {
        List<WrapperIndex.FunctionFacts> facts = new ArrayList<>();
        for (IASTFunctionDefinition definition : definitions.all()) {
            Set<String> callees = new HashSet<>();
            definition.getBody().accept(new ASTVisitor() {
                {
                    shouldVisitExpressions = true;
                }

                @Override
                public int visit(IASTExpression expression) {
                    if (expression instanceof IASTFunctionCallExpression call) {
                        callees.add(ExpressionEngine.calleeName(call));
                    }
                    return PROCESS_CONTINUE;
                }
            });
            String name = FunctionNames.simple(FunctionNames.of(definition));
            facts.add(new WrapperIndex.FunctionFacts(name, file, callees, EffectExtractor.of(definition, name, file)));
        }
        return facts;
    }
}
