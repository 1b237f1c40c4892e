package dev.cemap.analyzer;

import dev.cemap.analyzer.api.ApiTable;
import dev.cemap.analyzer.summary.BodyEffects;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The functions of the scanned tree that map memory: those that call a mapping API, and those
 * that call such functions, with the files that define them. The replay follows a call into a
 * wrapper only through this index, so that ordinary helpers are not replayed at every call.
 */
public final class WrapperIndex {

    public static final WrapperIndex EMPTY = new WrapperIndex(Map.of());

    private final Map<String, Set<Path>> filesByName;

    private WrapperIndex(Map<String, Set<Path>> filesByName) {
        this.filesByName = filesByName;
    }

    /** The API names every index starts from: those that map memory, not the heap allocators. */
    public static Set<String> apiNames() {
        return new HashSet<>(ApiTable.standard().mappingApiNames());
    }

    public boolean isWrapper(String name) {
        return filesByName.containsKey(name);
    }

    /** The files defining a wrapper of that name (usually one; static functions may repeat). */
    public Set<Path> filesDefining(String name) {
        return filesByName.getOrDefault(name, Set.of());
    }

    /** Every name the pre-scan must look for: the APIs and the wrappers. */
    public Set<String> names() {
        Set<String> names = apiNames();
        names.addAll(filesByName.keySet());
        return names;
    }

    /** Builds the index from each file's function definitions and what they call. */
    public static WrapperIndex of(List<FunctionFacts> facts) {
        Set<String> mapping = apiNames();
        Map<String, Set<Path>> wrappers = new HashMap<>();
        boolean grew;
        do {
            grew = false;
            for (FunctionFacts function : facts) {
                if (Collections.disjoint(function.callees(), mapping)) {
                    continue;
                }
                grew |= wrappers.computeIfAbsent(function.name(), k -> new HashSet<>()).add(function.file());
                mapping.add(function.name());
            }
        } while (grew);
        return new WrapperIndex(wrappers);
    }

    /**
     * A function of the scanned tree and the simple names it calls.
     *
     * @param name     simple name (for members, the method name without the class)
     * @param file     the file defining it
     * @param callees  names of the functions its body calls
     * @param effects  what its body does to the places its callers see
     */
    public record FunctionFacts(String name, Path file, Set<String> callees, BodyEffects effects) {
    }
}
