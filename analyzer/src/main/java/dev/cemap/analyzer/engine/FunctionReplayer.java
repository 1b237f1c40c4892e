package dev.cemap.analyzer.engine;

import dev.cemap.analyzer.check.LifetimeEnd;
import dev.cemap.analyzer.check.RootEnd;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.model.SourceLocation;
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
                new CheckerDispatch.RootInfo(name, location, settings.target(), settings.bsp(), windows.description()));
        Calls calls = new Calls(session);
        PathState start = new PathState(settings.target());
        List<Exit> exits = new FrameReplay(session, new Frame(name, List.of()), calls)
                .run(definition, List.of(start.fork()));
        Optional<Lifetimes.Pairing> pairing = Lifetimes.pairingOf(name);
        if (session.isComplete() && pairing.isPresent()) {
            initFailures(session, name, exits, pairing.get().failure());
            lifetimes(session, calls, exits, pairing.get().failure(), pairedExit, pairingExpected);
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
        return Lifetimes.pairingOf(FunctionNames.of(definition)).map(Lifetimes.Pairing::exitNames);
    }

    /** An init that fails must release what it stored: its paired exit will not run. */
    private static void initFailures(ReplaySession session, String name, List<Exit> exits, Lifetimes.Failure failure) {
        for (Exit exit : exits) {
            if (!exit.state().isMerged() && isFailureReturn(exit.returned(), failure)) {
                session.checkers.lifetimeEnd(new LifetimeEnd(LifetimeEnd.Kind.INIT_FAILED,
                        new CallSite(exit.at(), name, "return", List.of()), ""), exit.state());
            }
        }
    }

    /** Replays the paired exit after each successful init path; the checkers see where each ends. */
    private static void lifetimes(ReplaySession session, Calls calls, List<Exit> exits, Lifetimes.Failure failure,
            Optional<IASTFunctionDefinition> pairedExit, boolean pairingExpected) {
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
                session.checkers.lifetimeEnd(new LifetimeEnd(LifetimeEnd.Kind.NO_PAIRED_EXIT,
                        new CallSite(success.at(), session.checkers.rootFunction(), "return", List.of()), ""),
                        success.state());
                continue;
            }
            String exitName = FunctionNames.of(pairedExit.get());
            for (Exit end : replayPairedExit(session, calls, pairedExit.get(), success.state())) {
                if (!end.state().isMerged()) {
                    session.checkers.lifetimeEnd(new LifetimeEnd(LifetimeEnd.Kind.PAIRED_EXIT_ENDED,
                            new CallSite(end.at(), exitName, "return", List.of()), exitName), end.state());
                }
            }
        }
    }

    /** The paired exit's own defects come from its own replay; here only its effect counts. */
    private static List<Exit> replayPairedExit(ReplaySession session, Calls calls, IASTFunctionDefinition exit,
            PathState after) {
        session.replayingPairedExit(true);
        try {
            return new FrameReplay(session, new Frame(FunctionNames.of(exit), List.of()), calls)
                    .run(exit, List.of(after.fork()));
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
