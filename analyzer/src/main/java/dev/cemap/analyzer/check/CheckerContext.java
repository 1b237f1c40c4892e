package dev.cemap.analyzer.check;

import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.analyzer.project.BspFacts;
import dev.cemap.analyzer.replay.RegionOrigin;
import dev.cemap.emulator.CeVersion;
import java.util.Optional;

/** What a checker sees at a hook, and where it reports. */
public interface CheckerContext {

    /** The path the hook fires on. */
    PathView path();

    /** Sets a fact on this path (and on the paths forked from it from now on). */
    <T> void setFact(FactKey<T> key, T value);

    /** A fact of the whole replay of the root function, shared by its paths. */
    <T> T rootFact(FactKey<T> key);

    <T> void setRootFact(FactKey<T> key, T value);

    /** Where a region of this replay was created. */
    Optional<RegionOrigin> region(int regionId);

    /** The replayed (root) function: {@code Class::Method} for members. */
    String function();

    SourceLocation functionLocation();

    CeVersion target();

    /** The BSP around the file: modules, execution contexts, kernel RAM. */
    BspFacts bsp();

    /**
     * The registry key whose windows answered the code's registry reads on this replay
     * ({@code [HKEY_LOCAL_MACHINE\Drivers\BuiltIn\GPIO]}), or "" when none was assumed.
     */
    String configuration();

    /** True while the engine replays a paired exit after an init (see {@link Checker#followsLifetimes}). */
    boolean inPairedExit();

    /** Reports a defect; the same report from several paths is kept once. */
    void report(Report report);
}
