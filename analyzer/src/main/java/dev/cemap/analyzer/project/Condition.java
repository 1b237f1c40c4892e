package dev.cemap.analyzer.project;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * When a line of a build file takes part in the image, as far as a scan can tell: a formula over
 * the build's unknowns, the environment variables and macros a real build sets ({@code IMGMULTIXIP},
 * {@code BSP_SDRAM_BANK1_ENABLE}) and the scan does not know. Lines under conditions that depend on
 * them are kept, each with its condition, so that one configuration is never silently chosen for
 * the user; a line whose condition cannot hold is dropped.
 *
 * <p>Kept in disjunctive normal form: a set of terms, each a conjunction of atoms that are set or
 * not. The forms BSPs write are short ({@code IF X !}, {@code #if defined A || defined B}), so the
 * formulas stay small; they are simplified as they are built (contradictions and absorbed terms
 * removed, terms that differ in one atom merged) so that labels read as the BSP wrote them.
 * Immutable.
 */
public final class Condition {

    /** More terms than this and the formula becomes one opaque atom: labels must stay readable. */
    private static final int MAX_TERMS = 32;

    /** Holds in every build. */
    public static final Condition ALWAYS = new Condition(Set.of(Map.of()));
    /** Holds in no build: what is under it is not part of the image. */
    public static final Condition NEVER = new Condition(Set.of());

    /** One unknown of the build. */
    public record Atom(Kind kind, String name, String value) {

        /** The kinds of unknowns. */
        public enum Kind {
            /** An environment variable is set, or a macro defined: {@code IF X}, {@code #ifdef X}. */
            SET,
            /** An environment variable has a value: {@code IF X=0411}, {@code #if $(X)==0411}. */
            EQUALS,
            /** An expression that could not be split into the above, kept as written. */
            EXPRESSION
        }

        public Atom {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        String text(boolean holds) {
            return switch (kind) {
                case SET -> (holds ? "" : "!") + name;
                case EQUALS -> name + (holds ? "=" : "!=") + value;
                case EXPRESSION -> (holds ? "(" : "!(") + name + ")";
            };
        }
    }

    private static final Comparator<Atom> ATOM_ORDER = Comparator.comparing(Atom::name)
            .thenComparing(Atom::kind).thenComparing(Atom::value);

    /** Each term maps its atoms to whether they hold; terms are or-ed. */
    private final Set<Map<Atom, Boolean>> terms;

    private Condition(Set<Map<Atom, Boolean>> terms) {
        this.terms = terms;
    }

    /** {@code name} is set (an environment variable) or defined (a macro). */
    public static Condition set(String name) {
        return literal(new Atom(Atom.Kind.SET, name, ""), true);
    }

    /** The environment variable {@code name} has the value {@code value}. */
    public static Condition equalTo(String name, String value) {
        return value.isEmpty() ? set(name).not() : literal(new Atom(Atom.Kind.EQUALS, name, value), true);
    }

    /** An expression kept whole; the same text always means the same unknown. */
    public static Condition expression(String text) {
        return literal(new Atom(Atom.Kind.EXPRESSION, text.strip().replaceAll("\\s+", " "), ""), true);
    }

    private static Condition literal(Atom atom, boolean holds) {
        TreeMap<Atom, Boolean> term = new TreeMap<>(ATOM_ORDER);
        term.put(atom, holds);
        return new Condition(Set.of(term));
    }

    public boolean isAlways() {
        return terms.size() == 1 && terms.iterator().next().isEmpty();
    }

    /** Whether some build could satisfy it. */
    public boolean isPossible() {
        return !terms.isEmpty();
    }

    public Condition and(Condition other) {
        if (isAlways() || !other.isPossible()) {
            return other;
        }
        if (other.isAlways() || !isPossible()) {
            return this;
        }
        Set<Map<Atom, Boolean>> product = new LinkedHashSet<>();
        for (Map<Atom, Boolean> left : terms) {
            for (Map<Atom, Boolean> right : other.terms) {
                conjunction(left, right).ifPresent(product::add);
            }
        }
        return of(product);
    }

    public Condition or(Condition other) {
        Set<Map<Atom, Boolean>> union = new LinkedHashSet<>(terms);
        union.addAll(other.terms);
        return of(union);
    }

    /** De Morgan over the terms: each term fails when one of its atoms does. */
    public Condition not() {
        Condition result = ALWAYS;
        for (Map<Atom, Boolean> term : terms) {
            Condition termFails = NEVER;
            for (Map.Entry<Atom, Boolean> atom : term.entrySet()) {
                termFails = termFails.or(literal(atom.getKey(), !atom.getValue()));
            }
            result = result.and(termFails);
        }
        return result;
    }

    /** The unknowns it depends on. */
    public Set<Atom> atoms() {
        Set<Atom> atoms = new LinkedHashSet<>();
        terms.forEach(term -> atoms.addAll(term.keySet()));
        return atoms;
    }

    private static java.util.Optional<Map<Atom, Boolean>> conjunction(Map<Atom, Boolean> left, Map<Atom, Boolean> right) {
        TreeMap<Atom, Boolean> merged = new TreeMap<>(ATOM_ORDER);
        merged.putAll(left);
        for (Map.Entry<Atom, Boolean> literal : right.entrySet()) {
            Boolean known = merged.putIfAbsent(literal.getKey(), literal.getValue());
            if (known != null && !known.equals(literal.getValue())) {
                return java.util.Optional.empty();
            }
        }
        return consistent(merged) ? java.util.Optional.of(merged) : java.util.Optional.empty();
    }

    /** {@code X=a} excludes {@code X=b} and {@code !X}: one variable has one value. */
    private static boolean consistent(Map<Atom, Boolean> term) {
        Map<String, String> valueOf = new TreeMap<>();
        for (Map.Entry<Atom, Boolean> literal : term.entrySet()) {
            Atom atom = literal.getKey();
            if (atom.kind() == Atom.Kind.EQUALS && literal.getValue()) {
                String other = valueOf.put(atom.name(), atom.value());
                if ((other != null && !other.equals(atom.value()))
                        || Boolean.FALSE.equals(term.get(new Atom(Atom.Kind.SET, atom.name(), "")))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Simplifies a set of terms: a formula too large to read becomes one opaque atom. */
    private static Condition of(Set<Map<Atom, Boolean>> raw) {
        List<Map<Atom, Boolean>> simplified = simplify(raw);
        Condition condition = new Condition(Set.copyOf(simplified));
        if (simplified.size() > MAX_TERMS) {
            return expression(condition.toString());
        }
        return condition;
    }

    /** Absorption ({@code A || A && B} is {@code A}) and merging ({@code A && B || A && !B} is {@code A}) to a fixpoint. */
    private static List<Map<Atom, Boolean>> simplify(Set<Map<Atom, Boolean>> raw) {
        List<Map<Atom, Boolean>> terms = new ArrayList<>(raw);
        boolean changed = true;
        while (changed) {
            changed = false;
            terms.sort(Comparator.comparingInt(Map::size));
            List<Map<Atom, Boolean>> kept = new ArrayList<>();
            for (Map<Atom, Boolean> term : terms) {
                if (kept.stream().noneMatch(smaller -> term.entrySet().containsAll(smaller.entrySet()))) {
                    kept.add(term);
                }
            }
            changed = kept.size() != terms.size();
            terms = kept;
            Map<Atom, Boolean> merged = null;
            int first = -1;
            int second = -1;
            search:
            for (int i = 0; i < terms.size(); i++) {
                for (int j = i + 1; j < terms.size(); j++) {
                    merged = mergeable(terms.get(i), terms.get(j));
                    if (merged != null) {
                        first = i;
                        second = j;
                        break search;
                    }
                }
            }
            if (merged != null) {
                terms.remove(second);
                terms.remove(first);
                terms.add(merged);
                changed = true;
            }
            changed |= strengthen(terms);
        }
        return terms;
    }

    /**
     * Self-subsuming resolution: {@code A || !A && B} is {@code A || B}. A term holding the negation
     * of another term's literal, and the rest of that term, loses the negation.
     */
    private static boolean strengthen(List<Map<Atom, Boolean>> terms) {
        for (Map<Atom, Boolean> shorter : terms) {
            for (int j = 0; j < terms.size(); j++) {
                Map<Atom, Boolean> longer = terms.get(j);
                if (longer == shorter) {
                    continue;
                }
                for (Map.Entry<Atom, Boolean> literal : shorter.entrySet()) {
                    Atom atom = literal.getKey();
                    if (!Boolean.valueOf(!literal.getValue()).equals(longer.get(atom))) {
                        continue;
                    }
                    boolean restContained = shorter.entrySet().stream().filter(l -> !l.getKey().equals(atom))
                            .allMatch(l -> l.getValue().equals(longer.get(l.getKey())));
                    if (restContained) {
                        TreeMap<Atom, Boolean> strengthened = new TreeMap<>(ATOM_ORDER);
                        strengthened.putAll(longer);
                        strengthened.remove(atom);
                        terms.set(j, strengthened);
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The two terms without the one atom they disagree on, when that is their only difference. */
    private static Map<Atom, Boolean> mergeable(Map<Atom, Boolean> left, Map<Atom, Boolean> right) {
        if (left.size() != right.size() || !left.keySet().equals(right.keySet())) {
            return null;
        }
        Atom differing = null;
        for (Map.Entry<Atom, Boolean> literal : left.entrySet()) {
            if (!literal.getValue().equals(right.get(literal.getKey()))) {
                if (differing != null) {
                    return null;
                }
                differing = literal.getKey();
            }
        }
        if (differing == null) {
            return null;
        }
        TreeMap<Atom, Boolean> merged = new TreeMap<>(ATOM_ORDER);
        merged.putAll(left);
        merged.remove(differing);
        return merged;
    }

    /** As a BSP engineer writes it: {@code IMGMULTIXIP && !BSP_NOUSB}, {@code A || B}; "always", "never". */
    @Override
    public String toString() {
        if (isAlways()) {
            return "always";
        }
        if (!isPossible()) {
            return "never";
        }
        List<String> texts = terms.stream().map(term -> term.entrySet().stream()
                .map(literal -> literal.getKey().text(literal.getValue())).collect(Collectors.joining(" && ")))
                .sorted().toList();
        if (texts.size() == 1) {
            return texts.get(0);
        }
        return texts.stream().map(text -> text.contains(" && ") ? "(" + text + ")" : text)
                .collect(Collectors.joining(" || "));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Condition condition && terms.equals(condition.terms);
    }

    @Override
    public int hashCode() {
        return terms.hashCode();
    }
}
