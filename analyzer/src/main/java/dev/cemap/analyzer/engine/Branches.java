package dev.cemap.analyzer.engine;

import dev.cemap.analyzer.check.Branch;
import dev.cemap.analyzer.replay.RegionStatus;
import dev.cemap.analyzer.replay.TraceStep;
import dev.cemap.analyzer.state.PathState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Splits a path at a condition into the paths on which it holds and on which it does not. */
final class Branches {

    /** The two sides; a side the path cannot take is empty. */
    record Split(Optional<PathState> holds, Optional<PathState> fails) {
        void into(List<PathState> holding, List<PathState> failing) {
            holds.ifPresent(holding::add);
            fails.ifPresent(failing::add);
        }
    }

    private Branches() {
    }

    /**
     * Splits an evaluated condition. Where a side teaches the path something about its regions
     * (the allocation returned NULL, the copy failed), the path's trace says which branch it took;
     * the checkers hear about every side taken.
     */
    static Split split(Evaluated condition, Branch whenTrue, Branch whenFalse, ReplaySession session) {
        PathState before = condition.state();
        Map<Integer, RegionStatus> regionsBefore = new HashMap<>(before.regions());
        int operationsBefore = before.emulation().operationCount();
        PathState other = before.fork();
        Optional<PathState> holds = Assumptions.assume(before, condition.value(), true);
        Optional<PathState> fails = Assumptions.assume(other, condition.value(), false);
        holds.ifPresent(state -> noted(state, whenTrue, regionsBefore, operationsBefore, session));
        fails.ifPresent(state -> noted(state, whenFalse, regionsBefore, operationsBefore, session));
        return new Split(holds, fails);
    }

    /** A loop condition: no trace, no hooks. */
    static Split split(Evaluated condition) {
        PathState other = condition.state().fork();
        return new Split(Assumptions.assume(condition.state(), condition.value(), true),
                Assumptions.assume(other, condition.value(), false));
    }

    private static void noted(PathState taken, Branch branch, Map<Integer, RegionStatus> regionsBefore,
            int operationsBefore, ReplaySession session) {
        if (!taken.regions().equals(regionsBefore) || taken.emulation().operationCount() != operationsBefore) {
            taken.step(new TraceStep(branch.location(), (branch.taken() ? "takes the branch: " : "skips the branch: ")
                    + branch.condition()));
        }
        session.checkers.branch(branch, taken);
    }
}
