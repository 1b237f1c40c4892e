package dev.cemap.analyzer.replay;

import dev.cemap.analyzer.eval.Value;
import java.util.List;

/**
 * A call of a modelled CE API, its arguments evaluated.
 *
 * @param api        what is called
 * @param site       where
 * @param arguments  in order; as many as the API has parameters
 */
public record ApiCall(ApiSpec api, CallSite site, List<Argument> arguments) {

    public ApiCall {
        arguments = List.copyOf(arguments);
    }

    public Argument argument(String role) {
        return arguments.get(api.parameter(role));
    }

    public Value value(String role) {
        return argument(role).value();
    }

    public List<Value> values() {
        return arguments.stream().map(Argument::value).toList();
    }
}
