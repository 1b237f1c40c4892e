package dev.cemap.analyzer.summary;

import java.nio.file.Path;
import java.util.List;

/**
 * What one function body does by itself, before the functions it calls are taken into account:
 * its direct effects, and its calls with the places each one hands over.
 *
 * @param name      the function's simple name (the name a call uses)
 * @param file      the file that defines it
 * @param isStatic  true when only its own file can call it
 * @param direct    the effects of its own statements
 * @param calls     every call it makes
 */
public record BodyEffects(String name, Path file, boolean isStatic, FunctionSummary direct, List<Call> calls) {

    public BodyEffects {
        calls = List.copyOf(calls);
    }

    /** One call: the callee's name ("" through a function pointer) and the places passed to it. */
    public record Call(String callee, List<Passed> passed) {
        public Call {
            passed = List.copyOf(passed);
        }
    }

    /**
     * A place handed to a callee as argument {@code argument}, or as the object of a member call
     * ({@code argument} -1).
     *
     * @param addressOf true for {@code &place}: the callee gets the place's address, not its value
     */
    public record Passed(int argument, AccessPath place, boolean addressOf) {
    }
}
