package dev.cemap.analyzer.replay;

import java.util.List;

/**
 * A CE API the replay models, as {@code ce-apis.xml} declares it.
 *
 * @param name         the function's name
 * @param model        which model replays it ({@code reserve}, {@code copy}, {@code map-io-space}…)
 * @param parameters   the role of each argument, in order ({@code dest}, {@code source}, {@code size}…)
 * @param mapsMemory   true when calling it makes a function a mapping wrapper the replay follows
 *                     from its callers; false for heap allocators and registry reads, which half of
 *                     all driver code calls
 */
public record ApiSpec(String name, String model, List<String> parameters, boolean mapsMemory) {

    public ApiSpec {
        parameters = List.copyOf(parameters);
    }

    public int arity() {
        return parameters.size();
    }

    /** The index of the argument playing {@code role}. */
    public int parameter(String role) {
        int index = parameters.indexOf(role);
        if (index < 0) {
            throw new IllegalArgumentException(name + " has no parameter " + role);
        }
        return index;
    }

    public boolean is(String functionName) {
        return name.equals(functionName);
    }
}
