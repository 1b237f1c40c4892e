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
 * no new wrapper appears. Which files name what comes from {@link TreeMentions}, read once.
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
    static TreeIndex index(FrontEnd frontEnd, List<Path> files, TreeMentions mentions, ExecutorService workers,
            ScanListener listener, BiPredicate<Path, Path> linkage) {
        List<WrapperIndex.FunctionFacts> facts = new ArrayList<>();
        WrapperIndex wrappers = wrappers(frontEnd, files, mentions, workers, listener, facts);
        List<BodyEffects> bodies = facts.stream().map(WrapperIndex.FunctionFacts::effects).toList();
        return new TreeIndex(wrappers, SummaryTable.of(bodies, ApiTable.standard(), SummaryTable.EMPTY, linkage));
    }

    private static WrapperIndex wrappers(FrontEnd frontEnd, List<Path> files, TreeMentions mentions,
            ExecutorService workers, ScanListener listener, List<WrapperIndex.FunctionFacts> facts) {
        FunctionFactsCollector collector = new FunctionFactsCollector(frontEnd);
        Set<Path> parsed = new HashSet<>();
        WrapperIndex index = WrapperIndex.EMPTY;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Path> toParse = mentions.filesMentioning(files.stream().filter(f -> !parsed.contains(f)).toList(),
                    index.names());
            if (toParse.isEmpty()) {
                return WrapperIndex.of(facts);
            }
            listener.stage(ScanStage.INDEXING, toParse.size());
            List<Future<List<WrapperIndex.FunctionFacts>>> pending = new ArrayList<>();
            for (Path file : toParse) {
                pending.add(workers.submit(() -> {
                    try {
                        return collector.collect(file);
                    } finally {
                        listener.fileDone(file);
                    }
                }));
            }
            for (int i = 0; i < toParse.size(); i++) {
                parsed.add(toParse.get(i));
                facts.addAll(await(pending.get(i)));
            }
            WrapperIndex grown = WrapperIndex.of(facts);
            if (grown.names().equals(index.names())) {
                return grown;
            }
            index = grown;
        }
        return index;
    }

    /** A file whose collection failed has no facts, as one that does not parse. */
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
