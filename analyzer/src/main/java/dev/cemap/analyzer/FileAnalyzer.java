package dev.cemap.analyzer;

import dev.cemap.analyzer.check.Diagnostic;
import dev.cemap.analyzer.check.FileFacts;
import dev.cemap.analyzer.engine.DefinitionLookup;
import dev.cemap.analyzer.engine.ExpressionEngine;
import dev.cemap.analyzer.engine.CheckerProbe;
import dev.cemap.analyzer.engine.FunctionReplayer;
import dev.cemap.analyzer.engine.ReplaySettings;
import dev.cemap.analyzer.frontend.FrontEnd;
import dev.cemap.analyzer.frontend.ParsedFile;
import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.analyzer.replay.DeviceWindows;
import dev.cemap.analyzer.replay.FunctionReplay;
import dev.cemap.analyzer.summary.SummaryTable;
import dev.cemap.emulator.CeVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.cdt.core.dom.ILinkage;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFieldReference;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.dom.ast.IBinding;
import org.eclipse.cdt.core.dom.ast.IProblemBinding;
import org.eclipse.cdt.core.dom.ast.c.ICExternalBinding;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPClassType;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPConstructor;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPMethod;

/**
 * Parses one file and replays each function defined in it. The AST is dropped when this returns:
 * only the replays, which hold no parser types, leave the analyzer.
 */
public final class FileAnalyzer {

    /** Files of other wrappers each worker thread keeps parsed; wrappers live in few files. */
    private static final int WRAPPER_FILES_PER_THREAD = 16;

    /** A parsed file with its definitions found. */
    private record ParsedUnit(ParsedFile parsed, Optional<UnitDefinitions> definitions) {
        static ParsedUnit of(ParsedFile parsed) {
            return new ParsedUnit(parsed, parsed.translationUnit().map(UnitDefinitions::of));
        }
    }

    /** A file of another module as one build compiles it: the caller's image's build when known. */
    private record Build(Path file, Optional<Path> sourcesFile) {
    }

    private final FrontEnd frontEnd;
    private final ReplaySettings settings;
    private final WrapperIndex wrappers;
    private final Function<Path, List<DeviceWindows>> windowsOf;
    private final ThreadLocal<Map<Build, ParsedUnit>> wrapperFiles = ThreadLocal.withInitial(
            () -> new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Build, ParsedUnit> eldest) {
                    return size() > WRAPPER_FILES_PER_THREAD;
                }
            });

    /** Replays without checkers, summaries or other files: what tests of the replay itself need. */
    public FileAnalyzer(FrontEnd frontEnd, CeVersion target) {
        this(frontEnd, ReplaySettings.plain(target), WrapperIndex.EMPTY, file -> List.of(DeviceWindows.NONE));
    }

    /**
     * @param windowsOf for a source file, the registry windows of each driver key that loads its
     *                  code: every function is replayed once per key, so each configuration's
     *                  addresses are checked
     */
    public FileAnalyzer(FrontEnd frontEnd, ReplaySettings settings, WrapperIndex wrappers,
            Function<Path, List<DeviceWindows>> windowsOf) {
        this.frontEnd = frontEnd;
        this.settings = settings;
        this.wrappers = wrappers;
        this.windowsOf = windowsOf;
    }

    /** Never throws; a failure is a notification of the result. */
    public FileAnalysis analyze(Path file) {
        return analyze(frontEnd.parse(file));
    }

    /** Analyses a file already parsed with this analyzer's front end. Never throws. */
    public FileAnalysis analyze(ParsedFile parsed) {
        List<Notification> notifications = new ArrayList<>(parsed.notifications());
        Optional<IASTTranslationUnit> unit = parsed.translationUnit();
        if (unit.isEmpty()) {
            return new FileAnalysis(parsed.file(), false, List.of(), notifications);
        }
        Map<IASTTranslationUnit, ParsedFile> units = new HashMap<>();
        units.put(unit.get(), parsed);
        Function<IASTNode, SourceLocation> locator = node -> units.getOrDefault(node.getTranslationUnit(), parsed)
                .locationOf(node);
        UnitDefinitions definitions = UnitDefinitions.of(unit.get());
        // The tree's index knows wrappers across files; this file's own are known even without it.
        // When the index read this file, its functions are as the index read them.
        List<WrapperIndex.FunctionFacts> localFacts = wrappers.factsIn(parsed.file())
                .orElseGet(() -> FunctionFactsCollector.factsOf(parsed.file(), definitions));
        WrapperIndex local = WrapperIndex.of(localFacts);
        // The file's own functions, bound before same-named ones elsewhere, as the linker does.
        SummaryTable summaries = SummaryTable.of(localFacts.stream().map(WrapperIndex.FunctionFacts::effects).toList(),
                settings.apis(), settings.summaries(), settings.bsp()::canBind);
        DefinitionLookup lookup = new DefinitionLookup() {
            @Override
            public Optional<IASTFunctionDefinition> definitionOf(IASTFunctionCallExpression call, String name) {
                return FileAnalyzer.this.definitionOf(call, name, parsed.file(), definitions, units, local);
            }

            @Override
            public Optional<IASTFunctionDefinition> destructorOf(ICPPClassType type) {
                return definitions.destructorOf(type);
            }
        };
        ReplaySettings fileSettings = settings.withDefinitions(lookup).withSummaries(summaries);
        List<FunctionReplay> replays = new ArrayList<>();
        List<DeviceWindows> configurations = windowsOf.apply(parsed.file());
        for (DeviceWindows windows : configurations.isEmpty() ? List.of(DeviceWindows.NONE) : configurations) {
            replayAll(new FunctionReplayer(fileSettings, locator, windows), definitions, parsed, replays,
                    notifications);
        }
        List<Diagnostic> fileDiagnostics = new CheckerProbe(settings.checkers(), settings.target(), settings.bsp(), "",
                SourceLocation.of(parsed.file(), 1, 1))
                .file(new FileFacts(parsed.file(), frontEnd.macroDefinitions(parsed))).diagnostics();
        return new FileAnalysis(parsed.file(), true, replays, fileDiagnostics,
                notifications.stream().distinct().toList());
    }

    private void replayAll(FunctionReplayer replayer, UnitDefinitions definitions, ParsedFile parsed,
            List<FunctionReplay> replays, List<Notification> notifications) {
        for (IASTFunctionDefinition definition : definitions.all()) {
            try {
                Optional<List<String>> exitNames = FunctionReplayer.pairedExitNames(definition);
                Optional<IASTFunctionDefinition> pairedExit = exitNames.flatMap(definitions::firstNamed);
                FunctionReplay replay = replayer.replay(definition, pairedExit,
                        exitNames.isPresent() && expectsPairedExit(definition));
                if (!replay.complete()) {
                    notifications.add(Notification.at("replay-budget", Level.NOTE, parsed.locationOf(definition),
                            "function " + replay.function() + " has too many paths to replay in full; it was analysed"
                                    + " partially and its leaks were not checked"));
                }
                if (!replay.events().isEmpty() || !replay.diagnostics().isEmpty()) {
                    replays.add(replay);
                }
            } catch (RuntimeException | StackOverflowError e) {
                if (Boolean.getBoolean("cemap.traceReplayFailures")) {
                    e.printStackTrace(); // for whoever fixes the engine: -Dcemap.traceReplayFailures=true
                }
                notifications.add(Notification.at("replay-failure", Level.WARNING, parsed.locationOf(definition),
                        "function " + definition.getDeclarator().getName() + " could not be replayed ("
                                + e.getClass().getSimpleName() + "); its mapping calls are not checked"));
            }
        }
    }

    /**
     * The body the replay follows for a call: a definition in this file when the callee maps
     * memory (directly or through others), else the one other file of the tree that defines a
     * wrapper of that name. Code that defines its own MmMapIoSpace replaces the built-in model.
     */
    private Optional<IASTFunctionDefinition> definitionOf(IASTFunctionCallExpression call, String name, Path file,
            UnitDefinitions local, Map<IASTTranslationUnit, ParsedFile> units, WrapperIndex localIndex) {
        if (!wrappers.isWrapper(name) && !localIndex.isWrapper(name) && settings.apis().api(name).isEmpty()) {
            return Optional.empty();
        }
        IBinding binding = calleeBinding(call);
        Optional<IASTFunctionDefinition> here = local.boundTo(binding);
        if (here.isPresent()) {
            return here;
        }
        boolean c = call.getTranslationUnit().getLinkage().getLinkageID() == ILinkage.C_LINKAGE_ID;
        if (c && (binding == null || binding instanceof ICExternalBinding || binding instanceof IProblemBinding)) {
            // Called before any declaration the parser saw (C's implicit declaration): the call
            // still links to the file's own definition of that name. Not in C++, where a call
            // the parser could not bind is an overload it could not choose (unknown types).
            here = local.withSimpleName(name);
            if (here.isPresent()) {
                return here;
            }
        }
        ParsedFile callerFile = units.get(call.getTranslationUnit());
        Path caller = callerFile == null ? file : callerFile.file();
        List<Path> elsewhere = wrappers.filesDefining(name).stream()
                .filter(candidate -> !candidate.equals(file) && settings.bsp().canBind(caller, candidate)).toList();
        if (elsewhere.size() != 1) {
            return Optional.empty(); // not linked with the caller, or ambiguous between modules
        }
        Build build = new Build(elsewhere.get(0), settings.bsp().sourcesBuilding(caller, elsewhere.get(0)));
        ParsedUnit other = wrapperFiles.get().computeIfAbsent(build, b -> ParsedUnit.of(
                b.sourcesFile().map(sources -> frontEnd.parse(b.file(), sources)).orElseGet(() -> frontEnd.parse(b.file()))));
        if (other.definitions().isEmpty()) {
            return Optional.empty();
        }
        units.put(other.parsed().translationUnit().orElseThrow(), other.parsed());
        return other.definitions().get().withSimpleName(name);
    }

    private static IBinding calleeBinding(IASTFunctionCallExpression call) {
        IASTExpression callee = ExpressionEngine.stripParentheses(call.getFunctionNameExpression());
        if (callee instanceof IASTIdExpression id) {
            return id.getName().resolveBinding();
        }
        if (callee instanceof IASTFieldReference field) {
            return field.getFieldName().resolveBinding();
        }
        return null;
    }

    /**
     * A constructor whose class declares no destructor has nothing that could release what it
     * maps; other init functions may be paired in another file, so a missing exit says nothing.
     */
    private static boolean expectsPairedExit(IASTFunctionDefinition definition) {
        IBinding binding = definition.getDeclarator().getName().resolveBinding();
        if (binding instanceof ICPPConstructor constructor) {
            for (ICPPMethod method : constructor.getClassOwner().getDeclaredMethods()) {
                if (method.isDestructor()) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

}
