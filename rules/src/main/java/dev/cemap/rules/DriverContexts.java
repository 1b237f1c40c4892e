package dev.cemap.rules;

import dev.cemap.analyzer.check.CheckerContext;
import dev.cemap.analyzer.project.ExecutionContext;
import java.util.List;

/** How the code of the replayed function runs: one context per way its module is loaded. */
public final class DriverContexts {

    private DriverContexts() {
    }

    /**
     * Every execution context of the function's file; a replay that assumed one driver key's
     * registry windows speaks for that key only.
     */
    public static List<ExecutionContext> of(CheckerContext context) {
        List<ExecutionContext> all = context.bsp().contextsOf(context.functionLocation().file());
        if (context.configuration().isEmpty()) {
            return all;
        }
        return all.stream().filter(execution -> execution.driver()
                .map(driver -> RegistryWindows.describe(driver).equals(context.configuration())).orElse(true))
                .toList();
    }
}
