package dev.cemap.analyzer.engine;

import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.frontend.DeclaringFile;
import java.util.IdentityHashMap;
import java.util.Map;
import org.eclipse.cdt.core.dom.ast.IBinding;
import org.eclipse.cdt.core.dom.ast.IFunction;
import org.eclipse.cdt.core.dom.ast.IParameter;
import org.eclipse.cdt.core.dom.ast.IVariable;

/**
 * Names the storage of variables for the replay: locals and parameters by their binding (one
 * {@link StorageKey.Local} each, numbered in the order the replay meets them), everything with
 * static storage by name, because the same global is a different binding in each translation
 * unit that declares it.
 */
public final class StorageNames {

    /** Asking CDT whether a variable is local searches its declarations: each binding is asked once. */
    private final Map<IBinding, StorageKey> keys = new IdentityHashMap<>();
    private int locals;

    public StorageKey keyOf(IVariable variable) {
        StorageKey known = keys.get(variable);
        if (known != null) {
            return known;
        }
        StorageKey key = isLocal(variable) || variable instanceof IParameter
                ? new StorageKey.Local(variable.getName(), ++locals)
                : new StorageKey.Global(variable.getName(), DeclaringFile.scopeOf(variable).orElse(""));
        keys.put(variable, key);
        return key;
    }

    /** True for a function's own automatic variable (not a static local, not a global). */
    public static boolean isLocal(IVariable variable) {
        try {
            return variable.getOwner() instanceof IFunction && !variable.isStatic();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
