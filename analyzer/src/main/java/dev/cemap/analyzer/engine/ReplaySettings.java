package dev.cemap.analyzer.engine;

import dev.cemap.analyzer.api.ApiTable;
import dev.cemap.analyzer.check.Checker;
import dev.cemap.analyzer.project.BspFacts;
import dev.cemap.analyzer.summary.SummaryTable;
import dev.cemap.emulator.CeVersion;
import java.util.List;

/**
 * What every replay of a scan shares.
 *
 * @param target       the CE version replayed
 * @param checkers     the checkers whose hooks run on every path
 * @param apis         the modelled APIs and known SDK functions
 * @param summaries    what the functions of the scanned tree do with the pointers they receive
 * @param definitions  where the bodies of called functions are found
 * @param bsp          the BSP around the scanned files
 */
public record ReplaySettings(CeVersion target, List<Checker> checkers, ApiTable apis, SummaryTable summaries,
        DefinitionLookup definitions, BspFacts bsp) {

    public ReplaySettings {
        checkers = List.copyOf(checkers);
    }

    /** No checkers, no summaries, no other files: a replay that only records events. */
    public static ReplaySettings plain(CeVersion target) {
        return new ReplaySettings(target, List.of(), ApiTable.standard(), SummaryTable.EMPTY, DefinitionLookup.NONE,
                BspFacts.NONE);
    }

    public ReplaySettings withDefinitions(DefinitionLookup lookup) {
        return new ReplaySettings(target, checkers, apis, summaries, lookup, bsp);
    }

    public ReplaySettings withSummaries(SummaryTable table) {
        return new ReplaySettings(target, checkers, apis, table, definitions, bsp);
    }
}
