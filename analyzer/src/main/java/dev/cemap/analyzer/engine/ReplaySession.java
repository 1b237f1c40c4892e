package dev.cemap.analyzer.engine;

import dev.cemap.analyzer.api.ApiTable;
import dev.cemap.analyzer.api.ModelContext;
import dev.cemap.analyzer.check.Bind;
import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.analyzer.replay.ApiCall;
import dev.cemap.analyzer.replay.Argument;
import dev.cemap.analyzer.replay.DeviceWindows;
import dev.cemap.analyzer.replay.RegionOrigin;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.analyzer.state.PathState;
import dev.cemap.analyzer.summary.SummaryTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.cdt.core.dom.ast.IASTNode;

/**
 * Everything the replay of one function shares across its paths and the bodies it replays in
 * place: identities of regions and calls, the events met, the checkers, the visit budget.
 */
final class ReplaySession implements ModelContext {

    /** Statement visits per replayed function, past which the replay stops and says so. */
    static final int MAX_VISITS = 40_000;
    /** How deep wrappers are followed into wrappers. */
    static final int MAX_INLINE_DEPTH = 4;

    final ReplaySettings settings;
    final Function<IASTNode, SourceLocation> locator;
    final DeviceWindows deviceWindows;
    final StorageNames names = new StorageNames();
    final ConstantInitializers initializers;
    final CheckerDispatch checkers;
    final Set<String> inlining = new HashSet<>();
    private final List<ReplayEvent> events = new ArrayList<>();
    private final Map<Integer, RegionOrigin> regions = new HashMap<>();
    private int nextRegionId = 1;
    private int nextCallId = 1;
    private int nextBlockId = 1;
    private int visits;
    private boolean complete = true;
    private boolean recordingEvents = true;

    ReplaySession(ReplaySettings settings, Function<IASTNode, SourceLocation> locator, DeviceWindows deviceWindows,
            CheckerDispatch.RootInfo root, ConstantInitializers initializers) {
        this.settings = settings;
        this.initializers = initializers;
        this.locator = locator;
        this.deviceWindows = deviceWindows;
        this.checkers = new CheckerDispatch(settings.checkers(), root, this::region);
    }

    ApiTable apis() {
        return settings.apis();
    }

    SummaryTable summaries() {
        return settings.summaries();
    }

    /** Counts one statement visit; false once the budget is spent (the replay is then incomplete). */
    boolean visit() {
        if (++visits > MAX_VISITS) {
            complete = false;
        }
        return complete;
    }

    boolean isComplete() {
        return complete;
    }

    List<ReplayEvent> events() {
        return List.copyOf(events);
    }

    /** While a paired exit is replayed for its effect only, its calls are not the function's events. */
    void replayingPairedExit(boolean active) {
        recordingEvents = !active;
        checkers.pairedExit(active);
    }

    @Override
    public int newRegionId() {
        return nextRegionId++;
    }

    @Override
    public int newBlockId() {
        return nextBlockId++;
    }

    @Override
    public int newCallId() {
        return nextCallId++;
    }

    @Override
    public void register(RegionOrigin region) {
        regions.put(region.regionId(), region);
    }

    @Override
    public Optional<RegionOrigin> region(int regionId) {
        return Optional.ofNullable(regions.get(regionId));
    }

    @Override
    public void emit(ReplayEvent event, PathState state) {
        if (recordingEvents) {
            events.add(event);
        }
        checkers.call(event, state);
    }

    @Override
    public void write(PathState state, StorageKey key, Value value) {
        bind(state, key, value, Bind.Kind.ASSIGNED, "");
    }

    void bind(PathState state, StorageKey key, Value value, Bind.Kind kind, String declaredType) {
        if (kind == Bind.Kind.FORGOTTEN || kind == Bind.Kind.DECLARED_UNINITIALIZED) {
            state.forget(List.of(key));
        } else {
            state.write(key, value);
        }
        checkers.bind(new Bind(key, value, kind, declaredType), state);
    }

    @Override
    public void unknownEffects(ApiCall call, PathState state) {
        forgetOutArguments(call.arguments(), state);
    }

    /**
     * What a call the replay cannot see may do: write through {@code &x} (x is forgotten) and keep
     * any region it is handed (the region escapes: the replay cannot say it leaks).
     */
    void forgetOutArguments(List<Argument> arguments, PathState state) {
        for (Argument argument : arguments) {
            argument.addressed().ifPresent(key -> bind(state, key, Value.unknown(), Bind.Kind.FORGOTTEN, ""));
        }
        for (Argument argument : arguments) {
            Effects.escape(argument.value(), state);
        }
    }

    @Override
    public DeviceWindows windows() {
        return deviceWindows;
    }
}
