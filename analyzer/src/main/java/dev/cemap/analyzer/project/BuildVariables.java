package dev.cemap.analyzer.project;

import dev.cemap.analyzer.frontend.BuildRoots;
import dev.cemap.analyzer.frontend.IntegerExpression;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the preprocessed build files ({@code .reg}, {@code .bib}) know about the build: the user's
 * {@code -D} macros, the build roots that lie in the tree ({@code _TARGETPLATROOT} is the BSP
 * folder), and every {@code #define} met so far, with the condition under which it was made. A
 * name the files never define is an environment variable the real build sets or not: unknown,
 * never assumed undefined.
 *
 * <p>makeimg substitutes {@code $(NAME)} from both: the environment and the {@code #define}s of
 * the file and the C headers it includes ({@code #define IMAGE_WINCE_RAM_CA 0x82802000} in
 * {@code image_cfg.h}, then {@code RAM $(IMAGE_WINCE_RAM_CA) …} in {@code config.bib}). A header
 * that defines a name differently under {@code #if (defined IMGMULTIXIP)} gives it one value per
 * condition, and a line using it expands once per value, each expansion under its condition.
 *
 * <p>Mutable: one instance per file read, since {@code #define}/{@code #undef} change it.
 */
final class BuildVariables {

    /** Stops runaway definitions ({@code #define A $(A)$(A)}): real values are paths and numbers. */
    static final int MAX_EXPANDED_LENGTH = 64 * 1024;
    private static final int MAX_EXPANSION_ROUNDS = 16;
    /** Alternatives of one line kept apart; beyond this the line is read with its unknowns as written. */
    private static final int MAX_EXPANSIONS = 32;

    /** What a name stands for under one condition. */
    record Alternative(Condition when, State state, String text) {
    }

    /** How a name is known in one alternative. */
    enum State {
        /** {@code #define}d, or given with {@code -D}: {@link Alternative#text()} is its value. */
        DEFINED,
        /** {@code #undef}ined. */
        UNDEFINED,
        /** Never defined by the files: whatever the build's environment says. */
        ENVIRONMENT
    }

    /** One expansion of a line: the text and when the build would produce it. */
    record Expansion(String text, Condition when) {
    }

    /** Names absent from the map are environment variables of unknown value. */
    private final Map<String, List<Alternative>> values = new HashMap<>();

    BuildVariables(Map<String, String> defines, Optional<Path> bspRoot) {
        bspRoot.ifPresent(root -> BuildRoots.forBsp(root).forEach((name, folder) -> define(name, folder.toString(),
                Condition.ALWAYS)));
        defines.forEach((name, value) -> define(name, value, Condition.ALWAYS));
    }

    private BuildVariables() {
    }

    /** A copy, so that one file's {@code #define}s do not leak into the next file. */
    BuildVariables copy() {
        BuildVariables copy = new BuildVariables();
        values.forEach((name, alternatives) -> copy.values.put(name, List.copyOf(alternatives)));
        return copy;
    }

    void define(String name, String value, Condition when) {
        replace(name, new Alternative(when, State.DEFINED, value));
    }

    void undefine(String name, Condition when) {
        replace(name, new Alternative(when, State.UNDEFINED, ""));
    }

    /** Where {@code when} holds the name takes the new state; elsewhere it keeps what it had. */
    private void replace(String name, Alternative replacement) {
        List<Alternative> updated = new ArrayList<>();
        if (!replacement.when().isAlways()) {
            Condition elsewhere = replacement.when().not();
            for (Alternative old : alternatives(name)) {
                Condition kept = old.when().and(elsewhere);
                if (kept.isPossible()) {
                    updated.add(new Alternative(kept, old.state(), old.text()));
                }
            }
        }
        updated.add(replacement);
        values.put(name, List.copyOf(updated));
    }

    /** Every alternative of a name; an unknown name is one environment alternative. */
    List<Alternative> alternatives(String name) {
        return values.getOrDefault(name, List.of(new Alternative(Condition.ALWAYS, State.ENVIRONMENT, "")));
    }

    /** The value of a name defined the same way in every build. */
    Optional<String> text(String name) {
        List<Alternative> alternatives = alternatives(name);
        return alternatives.size() == 1 && alternatives.get(0).state() == State.DEFINED
                ? Optional.of(alternatives.get(0).text()) : Optional.empty();
    }

    /**
     * {@code $(NAME)} replaced, repeatedly, by every value the name can have under {@code context};
     * one expansion per combination that can hold. A name the files never define and the
     * environment does not give stays written as {@code $(NAME)}.
     */
    List<Expansion> expand(String text, Condition context) {
        List<Expansion> done = new ArrayList<>();
        List<Expansion> pending = List.of(new Expansion(text, context));
        for (int round = 0; round < MAX_EXPANSION_ROUNDS && !pending.isEmpty(); round++) {
            List<Expansion> next = new ArrayList<>();
            for (Expansion expansion : pending) {
                List<Expansion> once = expandOnce(expansion);
                if (once.size() == 1 && once.get(0).text().equals(expansion.text())) {
                    done.add(expansion);
                } else {
                    next.addAll(once);
                }
            }
            if (done.size() + next.size() > MAX_EXPANSIONS) {
                return List.of(new Expansion(text, context));
            }
            pending = next;
        }
        done.addAll(pending);
        return done;
    }

    /** One round: each distinct reference of the text takes one of its alternatives. */
    private List<Expansion> expandOnce(Expansion expansion) {
        List<Reference> references = Reference.all(expansion.text());
        Map<String, List<Alternative>> choices = new LinkedHashMap<>();
        for (Reference reference : references) {
            choices.computeIfAbsent(reference.name(), name -> alternatives(name).stream()
                    .filter(a -> a.state() == State.DEFINED || a.when().and(expansion.when()).isPossible()).toList());
        }
        List<Expansion> results = new ArrayList<>();
        combine(new ArrayList<>(choices.keySet()), 0, choices, new HashMap<>(), expansion.when(), expansion.text(),
                references, results);
        return results;
    }

    private void combine(List<String> names, int index, Map<String, List<Alternative>> choices,
            Map<String, Alternative> chosen, Condition when, String text, List<Reference> references,
            List<Expansion> results) {
        if (!when.isPossible() || results.size() > MAX_EXPANSIONS) {
            return;
        }
        if (index == names.size()) {
            results.add(new Expansion(Reference.substitute(text, references, chosen), when));
            return;
        }
        String name = names.get(index);
        for (Alternative alternative : choices.get(name)) {
            chosen.put(name, alternative);
            combine(names, index + 1, choices, chosen, when.and(alternative.when()), text, references, results);
        }
        chosen.remove(name);
    }

    /**
     * The names as an integer expression sees them, with the names in {@code assumed} taking the
     * given alternative (an environment alternative there carries the assumed value in its text).
     */
    IntegerExpression.Names names(Map<String, Alternative> assumed) {
        return new IntegerExpression.Names() {
            private int depth;

            @Override
            public OptionalLong value(String name) {
                Optional<Alternative> alternative = only(name, assumed);
                if (alternative.isEmpty() || alternative.get().state() == State.UNDEFINED) {
                    return alternative.isEmpty() ? OptionalLong.empty() : OptionalLong.of(0);
                }
                String text = alternative.get().text();
                if (text.contains(name) || depth >= MAX_EXPANSION_ROUNDS) {
                    return OptionalLong.empty(); // a self-reference reads as unknown
                }
                depth++;
                try {
                    return IntegerExpression.evaluate(text, this);
                } finally {
                    depth--;
                }
            }

            @Override
            public Optional<Boolean> isDefined(String name) {
                return only(name, assumed).map(alternative -> alternative.state() == State.DEFINED);
            }
        };
    }

    /** The one alternative of a name under the assumptions; empty when it is not known. */
    private Optional<Alternative> only(String name, Map<String, Alternative> assumed) {
        Alternative given = assumed.get(name);
        if (given != null) {
            return Optional.of(given);
        }
        List<Alternative> alternatives = alternatives(name);
        return alternatives.size() == 1 && alternatives.get(0).state() != State.ENVIRONMENT
                ? Optional.of(alternatives.get(0)) : Optional.empty();
    }

    /** A {@code $(NAME)} in a text: where it starts and ends. */
    record Reference(String name, int start, int end) {

        static List<Reference> all(String text) {
            List<Reference> references = new ArrayList<>();
            int from = 0;
            while (true) {
                int open = text.indexOf("$(", from);
                int close = open < 0 ? -1 : text.indexOf(')', open + 2);
                if (close < 0) {
                    return references;
                }
                references.add(new Reference(text.substring(open + 2, close).strip(), open, close + 1));
                from = close + 1;
            }
        }

        /** The text with each chosen defined name replaced by its value; the others as written. */
        static String substitute(String text, List<Reference> references, Map<String, Alternative> chosen) {
            StringBuilder out = new StringBuilder();
            int at = 0;
            for (Reference reference : references) {
                out.append(text, at, reference.start());
                Alternative alternative = chosen.get(reference.name());
                boolean known = alternative != null && alternative.state() == State.DEFINED;
                out.append(known ? alternative.text() : text.substring(reference.start(), reference.end()));
                at = reference.end();
                if (out.length() > MAX_EXPANDED_LENGTH) {
                    return text; // a definition that names itself doubles every round: stop here
                }
            }
            return out.append(text, at, text.length()).toString();
        }
    }
}
