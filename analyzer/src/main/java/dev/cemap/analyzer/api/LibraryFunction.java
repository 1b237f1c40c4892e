package dev.cemap.analyzer.api;

import java.util.List;
import java.util.Locale;

/**
 * An SDK function the replay does not model but whose effect on each argument it knows
 * ({@code memset} writes through its first argument and keeps nothing).
 *
 * @param name      the function
 * @param effects   per argument, in order
 * @param variadic  the last effect repeats for further arguments
 */
public record LibraryFunction(String name, List<Effect> effects, boolean variadic) {

    public enum Effect {
        /** A value, or a pointer only read through. */
        READS,
        /** A pointer written through: what it points to is forgotten. */
        WRITES,
        /** A pointer the function may keep. */
        ESCAPES;

        static Effect of(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }
    }

    public LibraryFunction {
        effects = List.copyOf(effects);
    }

    /** The effect on argument {@code index}; unknown arguments (past the declared ones) escape. */
    public Effect effectOn(int index) {
        if (index < effects.size()) {
            return effects.get(index);
        }
        return variadic && !effects.isEmpty() ? effects.get(effects.size() - 1) : Effect.ESCAPES;
    }
}
