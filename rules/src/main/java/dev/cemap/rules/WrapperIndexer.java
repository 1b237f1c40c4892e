package dev.cemap.rules;

import dev.cemap.analyzer.FunctionFactsCollector;
import dev.cemap.analyzer.WrapperIndex;
import dev.cemap.analyzer.api.ApiTable;
import dev.cemap.analyzer.summary.BodyEffects;
import dev.cemap.analyzer.summary.SummaryTable;
import dev.cemap.analyzer.frontend.FrontEnd;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BiPredicate;

/**
 * Finds the functions that map memory through others, across files: files naming a mapping API
 * are parsed for their functions and callees, then files naming one of the wrappers found, until
 * no new wrapper appears. Usually a few percent of a tree is parsed here.
 */
final class WrapperIndexer {

    /** Wrappers of wrappers of wrappers: deeper chains are rare and still replayed where they meet. */
    private static final int MAX_ROUNDS = 4;

    private WrapperIndexer() {
    }

    /** The wrappers of the tree, and the summaries of every function in the files read to find them. */
    record TreeIndex(WrapperIndex wrappers, SummaryTable summaries) {
    }

    /** @param linkage whether a call in one file can bind to a definition in another */
    static TreeIndex index(FrontEnd frontEnd, List<Path> files, ExecutorService workers,
            BiPredicate<Path, Path> linkage) {
        List<WrapperIndex.FunctionFacts> facts = new ArrayList<>();
        WrapperIndex wrappers = wrappers(frontEnd, files, workers, facts);
        List<BodyEffects> bodies = facts.stream().map(WrapperIndex.FunctionFacts::effects).toList();
        return new TreeIndex(wrappers, SummaryTable.of(bodies, ApiTable.standard(), SummaryTable.EMPTY, linkage));
    }

    private static WrapperIndex wrappers(FrontEnd frontEnd, List<Path> files, ExecutorService workers,
            List<WrapperIndex.FunctionFacts> facts) {
        FunctionFactsCollector collector = new FunctionFactsCollector(frontEnd);
        Set<Path> parsed = new HashSet<>();
        WrapperIndex index = WrapperIndex.EMPTY;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Set<String> names = index.names();
            List<Future<List<WrapperIndex.FunctionFacts>>> pending = new ArrayList<>();
            for (Path file : files) {
                if (!parsed.contains(file)) {
                    // null: the file names none of them and was not parsed this round
                    pending.add(workers.submit(() -> MentionScan.mentionsAny(file, names) ? collector.collect(file)
                            : null));
                }
            }
            boolean parsedAny = false;
            for (int i = 0, next = 0; i < files.size(); i++) {
                if (parsed.contains(files.get(i))) {
                    continue;
                }
                List<WrapperIndex.FunctionFacts> found = await(pending.get(next++));
                if (found != null) {
                    parsed.add(files.get(i));
                    facts.addAll(found);
                    parsedAny = true;
                }
            }
            WrapperIndex grown = WrapperIndex.of(facts);
            if (!parsedAny || grown.names().equals(index.names())) {
                return grown;
            }
            index = grown;
        }
        return index;
    }

    private static List<WrapperIndex.FunctionFacts> await(Future<List<WrapperIndex.FunctionFacts>> pending) {
        try {
            return pending.get();
        } catch (ExecutionException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
