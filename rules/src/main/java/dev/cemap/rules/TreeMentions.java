package dev.cemap.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The identifiers every file of the tree mentions, each file read once: the wrapper index's
 * rounds and the pre-scan then ask which files name what without reading them again. Held only
 * until the pre-scan is done.
 */
final class TreeMentions {

    /** Sorted identifiers by file; a file that could not be read is absent and mentions everything. */
    private final Map<Path, String[]> identifiers;

    private TreeMentions(Map<Path, String[]> identifiers) {
        this.identifiers = identifiers;
    }

    static TreeMentions read(List<Path> files, ExecutorService workers, ScanListener listener) {
        listener.stage(ScanStage.READING, files.size());
        // Most identifiers recur in many files of a BSP: keep one copy of each.
        Map<String, String> shared = new ConcurrentHashMap<>();
        List<Future<String[]>> pending = new ArrayList<>();
        for (Path file : files) {
            pending.add(workers.submit(() -> {
                try {
                    return MentionScan.identifiersOf(file, name -> shared.computeIfAbsent(name, n -> n));
                } finally {
                    listener.fileDone(file);
                }
            }));
        }
        Map<Path, String[]> identifiers = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            String[] found = await(pending.get(i));
            if (found != null) {
                identifiers.put(files.get(i), found);
            }
        }
        return new TreeMentions(identifiers);
    }

    /** Whether the file names any of {@code names} as a whole identifier, in code or in comments. */
    boolean mentionsAny(Path file, Set<String> names) {
        String[] known = identifiers.get(file);
        if (known == null) {
            return true; // let the parser report what is wrong with it
        }
        Set<String> notIdentifiers = new HashSet<>();
        for (String name : names) {
            if (!MentionScan.isIdentifier(name)) {
                if (MentionScan.mayMention(known, name)) {
                    notIdentifiers.add(name);
                }
            } else if (MentionScan.includes(known, name)) {
                return true;
            }
        }
        return !notIdentifiers.isEmpty() && MentionScan.mentionsAny(file, notIdentifiers);
    }

    /** The files, in their order, that name any of {@code names}. */
    List<Path> filesMentioning(List<Path> files, Set<String> names) {
        return files.stream().filter(file -> mentionsAny(file, names)).toList();
    }

    private static String[] await(Future<String[]> pending) {
        try {
            return pending.get();
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
