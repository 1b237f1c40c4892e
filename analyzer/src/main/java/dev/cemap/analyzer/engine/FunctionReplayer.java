package dev.cemap.analyzer.engine;

import dev.cemap.analyzer.check.LifetimeEnd;
import dev.cemap.analyzer.check.PathView;
import dev.cemap.analyzer.check.RootEnd;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.analyzer.replay.Argument;
import dev.cemap.analyzer.replay.CallSite;
import dev.cemap.analyzer.replay.DeviceWindows;
import dev.cemap.analyzer.replay.FunctionReplay;
import dev.cemap.analyzer.state.PathState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IBinding;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPMethod;

/**
 * Replays one function along its paths, with the checkers' hooks, and, for an init function,
 * the lifetime its framework gives it: a failing init's exits, and the paired exit (Deinit,
 * destructor, Halt) replayed after each successful one.
 */
public final class FunctionReplayer {

    /** Successful init paths after which the paired exit is replayed. */
    private static final int MAX_LIFETIME_STATES = 4;

    private final ReplaySettings settings;
    private final Function<IASTNode, SourceLocation> locator;
    private final DeviceWindows windows;
    /** The constants of the file, shared by the replays of its functions. */
    private final ConstantInitializers initializers = new ConstantInitializers();

    /**
     * @param windows the registry windows of the driver key this replay assumes the code was
     *                loaded from; {@link DeviceWindows#NONE} when unknown
     */
    public FunctionReplayer(ReplaySettings settings, Function<IASTNode, SourceLocation> locator,
            DeviceWindows windows) {
        this.settings = settings;
        this.locator = locator;
        this.windows = windows;
    }

    /**
     * Replays {@code definition}; with {@code pairedExit}, also what stays stored after it.
     *
     * @param pairingExpected true when nothing can release what the init stores (a constructor
     *                        of a class without destructor)
     */
    public FunctionReplay replay(IASTFunctionDefinition definition, Optional<IASTFunctionDefinition> pairedExit,
            boolean pairingExpected) {
        String name = FunctionNames.of(definition);
        SourceLocation location = locator.apply(definition);
        ReplaySession session = new ReplaySession(settings, locator, windows,
                new CheckerDispatch.RootInfo(name, location, settings.target(), settings.bsp(), windows.description()), initializers);
        Calls calls = new Calls(session);
        PathState start = new PathState(settings.target());
        List<Exit> exits = new FrameReplay(session, new Frame(name, List.of()), calls)
                .run(definition, List.of(start.fork()));
        Optional<Lifetimes.Pairing> pairing = Lifetimes.pairingOf(name, returnTypeOf(definition));
        if (session.isComplete() && pairing.isPresent()) {
            Optional<IASTFunctionDefinition> cleanup = switch (pairing.get().onFailure()) {
                case NONE, CALLER -> Optional.empty();
                case PAIRED_EXIT -> pairedExit;
                case DESTRUCTOR -> destructorOf(definition);
            };
            if (pairing.get().onFailure() != Lifetimes.Cleanup.CALLER) {
                initFailures(session, calls, name, exits, pairing.get().failure(), cleanup);
            }
            lifetimes(session, calls, exits, pairing.get(), pairedExit, pairingExpected);
        }
        session.checkers.rootEnd(new RootEnd(session.isComplete()), start);
        return new FunctionReplay(name, location, settings.target(), session.events(), session.isComplete(),
                windows.description(), session.checkers.diagnostics());
    }

    public FunctionReplay replay(IASTFunctionDefinition definition) {
        return replay(definition, Optional.empty(), false);
    }

    /** The paired exit's names, when the function is an init of a known framework pairing. */
    public static Optional<List<String>> pairedExitNames(IASTFunctionDefinition definition) {
        return Lifetimes.pairingOf(FunctionNames.of(definition), returnTypeOf(definition))
                .map(Lifetimes.Pairing::exitNames);
    }

    private static String returnTypeOf(IASTFunctionDefinition definition) {
        return definition.getDeclSpecifier().getRawSignature();
    }

    /**
     * An init that fails must release what it stored, unless the framework runs a cleanup after
     * the failure (the destructor of a deleted object, the PDD's deinit): the checkers see where
     * the failure leaves the path, after that cleanup.
     */
    private static void initFailures(ReplaySession session, Calls calls, String name, List<Exit> exits,
            Lifetimes.Failure failure, Optional<IASTFunctionDefinition> cleanup) {
        for (Exit exit : exits) {
            if (exit.state().isMerged() || !isFailureReturn(exit.returned(), failure)) {
                continue;
            }
            CallSite at = new CallSite(exit.at(), name, "return", List.of());
            if (cleanup.isEmpty()) {
                endLifetime(session, new LifetimeEnd(LifetimeEnd.Kind.INIT_FAILED, at, "", Optional.empty(),
                        List.of(exit.state())));
                continue;
            }
            String cleanupName = FunctionNames.of(cleanup.get());
            List<PathView> ends = unmerged(replayPairedExit(session, calls, cleanup.get(), exit.state(),
                    Optional.empty()));
            endLifetime(session, new LifetimeEnd(LifetimeEnd.Kind.INIT_FAILED, at, cleanupName, Optional.empty(), ends));
        }
    }

    private static void endLifetime(ReplaySession session, LifetimeEnd end) {
        if (!end.ends().isEmpty()) {
            session.checkers.lifetimeEnd(end, (PathState) end.ends().get(0));
        }
    }

    private static List<PathView> unmerged(List<Exit> exits) {
        return exits.stream().map(Exit::state).filter(state -> !state.isMerged()).map(state -> (PathView) state)
                .toList();
    }

    /** The destructor of the class an init member belongs to, when the scanned sources define it. */
    private Optional<IASTFunctionDefinition> destructorOf(IASTFunctionDefinition definition) {
        IBinding binding = definition.getDeclarator().getName().resolveBinding();
        if (binding instanceof ICPPMethod method) {
            return settings.definitions().destructorOf(method.getClassOwner());
        }
        return Optional.empty();
    }

    /** Replays the paired exit after each successful init path; the checkers see where each ends. */
    private static void lifetimes(ReplaySession session, Calls calls, List<Exit> exits, Lifetimes.Pairing pairing,
            Optional<IASTFunctionDefinition> pairedExit, boolean pairingExpected) {
        Lifetimes.Failure failure = pairing.failure();
        if (pairedExit.isEmpty() && !pairingExpected) {
            return;
        }
        List<Exit> successes = new ArrayList<>();
        for (Exit exit : exits) {
            if (!exit.state().isMerged() && !isFailureReturn(exit.returned(), failure)
                    && successes.size() < MAX_LIFETIME_STATES) {
                successes.add(exit);
            }
        }
        for (Exit success : successes) {
            if (pairedExit.isEmpty()) {
                endLifetime(session, new LifetimeEnd(LifetimeEnd.Kind.NO_PAIRED_EXIT,
                        new CallSite(success.at(), session.checkers.rootFunction(), "return", List.of()), "",
                        Optional.empty(), List.of(success.state())));
                continue;
            }
            String exitName = FunctionNames.of(pairedExit.get());
            Optional<Value> context = pairing.passesContext() ? Optional.of(success.returned()) : Optional.empty();
            List<Exit> ends = replayPairedExit(session, calls, pairedExit.get(), success.state(), context);
            if (!ends.isEmpty()) {
                endLifetime(session, new LifetimeEnd(LifetimeEnd.Kind.PAIRED_EXIT_ENDED,
                        new CallSite(ends.get(0).at(), exitName, "return", List.of()), exitName, context,
                        unmerged(ends)));
            }
        }
    }

    /**
     * The paired exit's own defects come from its own replay; here only its effect counts. It
     * receives the context the init returned as its first argument, when the framework passes it.
     */
    private static List<Exit> replayPairedExit(ReplaySession session, Calls calls, IASTFunctionDefinition exit,
            PathState after, Optional<Value> context) {
        session.replayingPairedExit(true);
        try {
            FrameReplay frame = new FrameReplay(session, new Frame(FunctionNames.of(exit), List.of()), calls);
            PathState start = after.fork();
            context.ifPresent(value -> frame.bindParameters(exit, List.of(Argument.of(value)), start));
            return frame.run(exit, List.of(start));
        } finally {
            session.replayingPairedExit(false);
        }
    }

    private static boolean isFailureReturn(Value returned, Lifetimes.Failure failure) {
        if (failure == Lifetimes.Failure.NEVER || !returned.isKnown() || returned.pointee().isPresent()) {
            return false;
        }
        boolean zero = returned.longValue() == 0;
        return failure == Lifetimes.Failure.RETURNS_ZERO ? zero : !zero;
    }
}
