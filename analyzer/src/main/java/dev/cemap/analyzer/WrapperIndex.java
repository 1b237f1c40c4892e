package dev.cemap.analyzer;

import dev.cemap.analyzer.api.ApiTable;
import dev.cemap.analyzer.summary.BodyEffects;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The functions of the scanned tree that map memory: those that call a mapping API, and those
 * that call such functions, with the files that define them. The replay follows a call into a
 * wrapper only through this index, so that ordinary helpers are not replayed at every call.
 */
public final class WrapperIndex {

    public static final WrapperIndex EMPTY = new WrapperIndex(Map.of(), Map.of());

    private final Map<String, Set<Path>> filesByName;
    /** The facts read from each file that defines functions, in file order. */
    private final Map<Path, List<FunctionFacts>> factsByFile;

    private WrapperIndex(Map<String, Set<Path>> filesByName, Map<Path, List<FunctionFacts>> factsByFile) {
        this.filesByName = filesByName;
        this.factsByFile = factsByFile;
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

    /**
     * The functions of a file the index read, as it read them; empty for a file it did not read
     * (or read no function from), which the caller reads itself.
     */
    public Optional<List<FunctionFacts>> factsIn(Path file) {
        return Optional.ofNullable(factsByFile.get(file));
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
                if (!callsAny(function.callees(), mapping)) {
                    continue;
                }
                grew |= wrappers.computeIfAbsent(function.name(), k -> new HashSet<>()).add(function.file());
                mapping.add(function.name());
            }
        } while (grew);
        Map<Path, List<FunctionFacts>> byFile = new HashMap<>();
        facts.forEach(function -> byFile.computeIfAbsent(function.file(), k -> new ArrayList<>()).add(function));
        return new WrapperIndex(wrappers, byFile);
    }

    /** Looks each callee up: {@code Collections.disjoint} would walk the whole (large) name set instead. */
    private static boolean callsAny(Set<String> callees, Set<String> names) {
        for (String callee : callees) {
            if (names.contains(callee)) {
                return true;
            }
        }
        return false;
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
