package dev.cemap.analyzer.engine;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entry points whose mappings live until a paired exit: stream driver {@code XXX_Init} /
 * {@code XXX_Deinit} and {@code XXX_Open} / {@code XXX_Close} (the exit receives what the init
 * returned: the device or open context), C++ constructor / destructor and
 * {@code Init} / {@code Deinit}-named members, NDIS {@code …Initialize} / {@code …Halt}.
 */
final class Lifetimes {

    /** How an init function says it failed. */
    enum Failure {
        /** It returns 0, FALSE or NULL. */
        RETURNS_ZERO,
        /** It returns a non-zero status (NDIS_STATUS_SUCCESS is 0). */
        RETURNS_NON_ZERO,
        /** It cannot fail (a constructor). */
        NEVER
    }

    /** What the framework runs after the init function fails. */
    enum Cleanup {
        /** Nothing: a failing init must release what it stored itself (Device Manager, NDIS). */
        NONE,
        /** The object is deleted: its destructor runs (serial, USB and display class drivers). */
        DESTRUCTOR,
        /** The paired exit runs anyway (an MDD calls its PDD's deinit when the PDD's init fails). */
        PAIRED_EXIT
    }

    /** An init function, the names its paired exit may have, and what follows its failure. */
    record Pairing(List<String> exitNames, Failure failure, Cleanup onFailure, boolean passesContext) {
    }

    private static final Pattern STREAM = Pattern.compile("([A-Za-z0-9]+)_(Init|Open)");
    private static final Pattern CONSTRUCTOR = Pattern.compile("(?:(.*)::)?([A-Za-z_][A-Za-z0-9_]*)::\\2");
    private static final Pattern MEMBER_INIT = Pattern.compile("(.*::)(Init|Initialize)");
    private static final Pattern NDIS_INIT = Pattern.compile("(.*)Initialize");

    private Lifetimes() {
    }

    static Optional<Pairing> pairingOf(String function) {
        Matcher stream = STREAM.matcher(function);
        if (stream.matches()) {
            String exit = stream.group(2).equals("Init") ? "Deinit" : "Close";
            boolean pdd = stream.group(1).toLowerCase(java.util.Locale.ROOT).endsWith("pdd");
            return Optional.of(new Pairing(List.of(stream.group(1) + "_" + exit), Failure.RETURNS_ZERO,
                    pdd ? Cleanup.PAIRED_EXIT : Cleanup.NONE, true));
        }
        Matcher constructor = CONSTRUCTOR.matcher(function);
        if (constructor.matches()) {
            String prefix = constructor.group(1) == null ? "" : constructor.group(1) + "::";
            String cls = constructor.group(2);
            return Optional.of(new Pairing(List.of(prefix + cls + "::~" + cls), Failure.NEVER, Cleanup.NONE, false));
        }
        Matcher member = MEMBER_INIT.matcher(function);
        if (member.matches()) {
            String cls = member.group(1);
            return Optional.of(new Pairing(List.of(cls + "Deinit", cls + "DeInit", cls + "Uninit", cls + "Deinitialize",
                    cls + "Uninitialize"), Failure.RETURNS_ZERO, Cleanup.DESTRUCTOR, false));
        }
        Matcher ndis = NDIS_INIT.matcher(function);
        if (ndis.matches() && function.contains("Miniport")) {
            return Optional.of(new Pairing(List.of(ndis.group(1) + "Halt"), Failure.RETURNS_NON_ZERO, Cleanup.NONE, false));
        }
        return Optional.empty();
    }
}
