package dev.cemap.analyzer.project;

import dev.cemap.analyzer.frontend.IntegerExpression;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the preprocessed build files ({@code .reg}, {@code .bib}) can know about the build: the
 * user's {@code -D} macros, the {@code #define}s met so far, and the build roots that lie in
 * the scanned tree ({@code _TARGETPLATROOT} is the BSP folder). Everything else, in particular the
 * {@code BSP_*} environment variables a real build sets, is unknown, never assumed undefined:
 * a condition on it keeps both branches.
 *
 * <p>Mutable: one instance per file read, since {@code #define}/{@code #undef} change it.
 */
final class BuildVariables implements IntegerExpression.Names {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([^)]*)\\)");
    private static final int MAX_EXPANSION_DEPTH = 16;

    /** name → value; a null value: defined in a branch that may not be taken, so unknown. */
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> uncertain = new HashSet<>();
    /** Nesting of {@link #value} calls: macros that refer to each other must not recurse forever. */
    private int evaluationDepth;

    BuildVariables(Map<String, String> defines, Optional<Path> bspRoot) {
        values.putAll(defines);
        bspRoot.ifPresent(root -> {
            values.put("_TARGETPLATROOT", root.toString());
            Path name = root.getFileName();
            if (name != null) {
                values.put("_TGTPLAT", name.toString());
            }
        });
    }

    /** A copy, so that one file's {@code #define}s do not leak into the next file. */
    BuildVariables copy() {
        BuildVariables copy = new BuildVariables(Map.of(), Optional.empty());
        copy.values.putAll(values);
        copy.uncertain.addAll(uncertain);
        return copy;
    }

    void define(String name, String value, boolean certain) {
        if (certain) {
            values.put(name, value);
            uncertain.remove(name);
        } else {
            values.remove(name);
            uncertain.add(name);
        }
    }

    void undefine(String name, boolean certain) {
        values.remove(name);
        if (certain) {
            uncertain.remove(name);
        } else {
            uncertain.add(name);
        }
    }

    /** The raw text of a known variable. */
    Optional<String> text(String name) {
        return uncertain.contains(name) ? Optional.empty() : Optional.ofNullable(values.get(name));
    }

    /**
     * Whether an environment variable is set, as cefilter's {@code IF NAME} asks: known only
     * for names given with {@code -D} or defined in the files.
     */
    Optional<Boolean> isSet(String name) {
        return text(name).map(value -> !value.isBlank());
    }

    /** Longest text an expansion may grow to. */
    static final int MAX_EXPANDED_LENGTH = 64 * 1024;

    /** {@code $(NAME)} replaced by known values, repeatedly; unknown references are kept as written. */
    String expand(String text) {
        String current = text;
        for (int depth = 0; depth < MAX_EXPANSION_DEPTH && current.contains("$("); depth++) {
            Matcher reference = REFERENCE.matcher(current);
            StringBuilder out = new StringBuilder();
            boolean changed = false;
            while (reference.find()) {
                Optional<String> value = text(reference.group(1).strip());
                changed |= value.isPresent();
                reference.appendReplacement(out, Matcher.quoteReplacement(value.orElse(reference.group())));
            }
            reference.appendTail(out);
            if (out.length() > MAX_EXPANDED_LENGTH) {
                // A value that names itself several times doubles at every round: stop where it
                // is; real build variables are paths and flags of a few hundred characters.
                return current;
            }
            current = out.toString();
            if (!changed) {
                break;
            }
        }
        return current;
    }

    @Override
    public OptionalLong value(String name) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        // A macro's value is an expression of its own; a self-reference reads as unknown.
        String expanded = expand(text.get());
        if (expanded.contains(name) || evaluationDepth >= MAX_EXPANSION_DEPTH) {
            return OptionalLong.empty();
        }
        evaluationDepth++;
        try {
            return IntegerExpression.evaluate(expanded, this);
        } finally {
            evaluationDepth--;
        }
    }

    @Override
    public Optional<Boolean> isDefined(String name) {
        if (uncertain.contains(name)) {
            return Optional.empty();
        }
        return values.containsKey(name) ? Optional.of(true) : Optional.empty();
    }
}
