package dev.cemap.analyzer.project;

import dev.cemap.analyzer.frontend.IntegerExpression;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Turns the condition lines of build files into {@link Condition}s over what the scan does not
 * know: {@code #if}/{@code #elif} (C preprocessor expressions, or makeimg's text comparisons such
 * as {@code #if $(LOCALE)==0411} and {@code #if $(BSP_NOUSB)==$()}), {@code #ifdef}/{@code #ifndef},
 * and the {@code IF} lines romimage and cefilter read ({@code IF BSP_X}, {@code IF BSP_X !},
 * {@code IF LOCALE=0411}).
 *
 * <p>A C expression is decided by trying it in every case of its unknowns: each name the files
 * define under conditions takes each of its values, each environment variable is unset or set
 * (to several sample values). The cases where it holds make the condition. An expression whose
 * truth depends on the value of an unknown variable ({@code BSP_REV > 2}) stays one opaque
 * unknown, written as in the file.
 */
final class BuildConditions {

    /** At most this many cases are tried; a larger expression stays opaque. */
    private static final int MAX_CASES = 512;
    /**
     * Values a set environment variable is tried with: if the expression's truth differs between
     * them it depends on the value, not on whether the variable is set.
     */
    private static final List<String> SET_SAMPLES = List.of("1", "2", "0x7FFFFFF1");

    private final BuildVariables variables;

    BuildConditions(BuildVariables variables) {
        this.variables = variables;
    }

    /** {@code #ifdef NAME}: the cases in which the name is defined. */
    Condition defined(String name) {
        Condition defined = Condition.NEVER;
        for (BuildVariables.Alternative alternative : variables.alternatives(name)) {
            defined = defined.or(switch (alternative.state()) {
                case DEFINED -> alternative.when();
                case UNDEFINED -> Condition.NEVER;
                case ENVIRONMENT -> alternative.when().and(Condition.set(name));
            });
        }
        return defined;
    }

    /** {@code #if} / {@code #elif}. */
    Condition preprocessor(String expression) {
        String text = expression.strip();
        if (text.contains("$(")) {
            return TextComparison.evaluate(text, false, variables);
        }
        List<List<Case>> cases = new ArrayList<>();
        int combinations = 1;
        for (String name : IntegerExpression.identifiers(text)) {
            List<BuildVariables.Alternative> alternatives = variables.alternatives(name);
            if (alternatives.size() == 1 && alternatives.get(0).state() != BuildVariables.State.ENVIRONMENT) {
                continue; // one value in every build: the expression reads it directly
            }
            List<Case> ofName = casesOf(name, alternatives);
            combinations *= ofName.size();
            if (combinations > MAX_CASES) {
                return Condition.expression(text);
            }
            cases.add(ofName);
        }
        return decide(text, cases);
    }

    /** A value and when it is the value. */
    record Number(long value, Condition when) {
    }

    /**
     * Every value an integer expression takes under {@code context}: one per combination of the
     * values of the names it uses that the files define under conditions. Empty when some
     * combination cannot be evaluated (an environment variable, an unknown symbol).
     */
    List<Number> numbers(String expression, Condition context) {
        List<List<Case>> cases = new ArrayList<>();
        int combinations = 1;
        for (String name : IntegerExpression.identifiers(expression)) {
            List<BuildVariables.Alternative> alternatives = variables.alternatives(name);
            if (alternatives.size() == 1) {
                continue;
            }
            List<Case> ofName = alternatives.stream().map(a -> new Case(name, a, a.when(), -1)).toList();
            combinations *= ofName.size();
            if (combinations > MAX_CASES) {
                return List.of();
            }
            cases.add(ofName);
        }
        List<Number> numbers = new ArrayList<>();
        int[] index = new int[cases.size()];
        do {
            Map<String, BuildVariables.Alternative> assumed = new HashMap<>();
            Condition when = context;
            for (int i = 0; i < cases.size(); i++) {
                Case chosen = cases.get(i).get(index[i]);
                assumed.put(chosen.name(), chosen.assumed());
                when = when.and(chosen.when());
            }
            if (when.isPossible()) {
                OptionalLong value = IntegerExpression.evaluate(expression, variables.names(assumed));
                if (value.isEmpty()) {
                    return List.of();
                }
                numbers.add(new Number(value.getAsLong(), when));
            }
        } while (next(index, cases));
        return numbers;
    }

    /** The text after {@code IF}: romimage's syntax, where the first word names a variable. */
    Condition cefilter(String text) {
        return TextComparison.evaluate(text, true, variables);
    }

    /** One way a name can be: an alternative of it, and for the environment one sample value. */
    private record Case(String name, BuildVariables.Alternative assumed, Condition when, int sample) {
    }

    private static List<Case> casesOf(String name, List<BuildVariables.Alternative> alternatives) {
        List<Case> cases = new ArrayList<>();
        for (BuildVariables.Alternative alternative : alternatives) {
            if (alternative.state() != BuildVariables.State.ENVIRONMENT) {
                cases.add(new Case(name, alternative, alternative.when(), -1));
                continue;
            }
            cases.add(new Case(name, new BuildVariables.Alternative(alternative.when(), BuildVariables.State.UNDEFINED,
                    ""), alternative.when().and(Condition.set(name).not()), -1));
            for (int sample = 0; sample < SET_SAMPLES.size(); sample++) {
                cases.add(new Case(name, new BuildVariables.Alternative(alternative.when(), BuildVariables.State.DEFINED,
                        SET_SAMPLES.get(sample)), alternative.when().and(Condition.set(name)), sample));
            }
        }
        return cases;
    }

    /** Tries every combination of cases; the ones where the expression holds make the condition. */
    private Condition decide(String text, List<List<Case>> cases) {
        Condition holds = Condition.NEVER;
        // Truth per combination with the sample numbers left out: each must not depend on the sample.
        Map<List<Case>, Boolean> truthBySituation = new HashMap<>();
        int[] index = new int[cases.size()];
        while (true) {
            List<Case> combination = new ArrayList<>();
            Map<String, BuildVariables.Alternative> assumed = new HashMap<>();
            Condition when = Condition.ALWAYS;
            for (int i = 0; i < cases.size(); i++) {
                Case chosen = cases.get(i).get(index[i]);
                combination.add(chosen);
                assumed.put(chosen.name(), chosen.assumed());
                when = when.and(chosen.when());
            }
            if (when.isPossible()) {
                OptionalLong value = IntegerExpression.evaluate(text, variables.names(assumed));
                if (value.isEmpty()) {
                    return Condition.expression(text);
                }
                boolean truth = value.getAsLong() != 0;
                Boolean before = truthBySituation.putIfAbsent(situation(combination), truth);
                if (before != null && before != truth) {
                    return Condition.expression(text); // the truth depends on a variable's value
                }
                if (truth) {
                    holds = holds.or(when);
                }
            }
            if (!next(index, cases)) {
                return holds;
            }
        }
    }

    /** The combination with every set variable's sample value forgotten. */
    private static List<Case> situation(List<Case> combination) {
        return combination.stream().map(c -> c.sample() < 0 ? c : new Case(c.name(), null, c.when(), 0)).toList();
    }

    private static boolean next(int[] index, List<List<Case>> cases) {
        for (int i = 0; i < index.length; i++) {
            if (++index[i] < cases.get(i).size()) {
                return true;
            }
            index[i] = 0;
        }
        return false;
    }
}
