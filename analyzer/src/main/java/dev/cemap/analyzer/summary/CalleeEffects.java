package dev.cemap.analyzer.summary;

import dev.cemap.analyzer.api.ApiTable;
import dev.cemap.analyzer.api.LibraryFunction;
import dev.cemap.analyzer.replay.ApiSpec;
import java.util.Optional;

/** What a callee does to what it is handed, as far as the summaries can tell. */
sealed interface CalleeEffects {

    /** A function of the tree, summarized. */
    record Summarized(FunctionSummary summary) implements CalleeEffects {
    }

    /** An SDK function of known effects. */
    record Library(LibraryFunction function) implements CalleeEffects {
    }

    /** A modelled CE API that keeps nothing it is handed (heap allocators, registry reads). */
    record KeepsNothing(ApiSpec api) implements CalleeEffects {
    }

    /** Code the replay cannot see: it may write through an address and keep any pointer. */
    record Unknown() implements CalleeEffects {
    }

    static CalleeEffects known(String callee, ApiTable apis) {
        Optional<LibraryFunction> library = apis.library(callee);
        if (library.isPresent()) {
            return new Library(library.get());
        }
        Optional<ApiSpec> api = apis.api(callee).filter(spec -> !spec.mapsMemory());
        if (api.isPresent()) {
            return new KeepsNothing(api.get());
        }
        return new Unknown();
    }
}
