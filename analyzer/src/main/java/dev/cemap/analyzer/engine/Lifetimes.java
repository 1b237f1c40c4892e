package dev.cemap.analyzer.engine;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entry points whose mappings live until a paired exit: stream driver {@code XXX_Init} /
 * {@code XXX_Deinit} and {@code XXX_Open} / {@code XXX_Close}, C++ constructor / destructor and
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

    /** An init function and the names its paired exit may have. */
    record Pairing(List<String> exitNames, Failure failure) {
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
            return Optional.of(new Pairing(List.of(stream.group(1) + "_" + exit), Failure.RETURNS_ZERO));
        }
        Matcher constructor = CONSTRUCTOR.matcher(function);
        if (constructor.matches()) {
            String prefix = constructor.group(1) == null ? "" : constructor.group(1) + "::";
            String cls = constructor.group(2);
            return Optional.of(new Pairing(List.of(prefix + cls + "::~" + cls), Failure.NEVER));
        }
        Matcher member = MEMBER_INIT.matcher(function);
        if (member.matches()) {
            String cls = member.group(1);
            return Optional.of(new Pairing(List.of(cls + "Deinit", cls + "DeInit", cls + "Uninit", cls + "Deinitialize",
                    cls + "Uninitialize"), Failure.RETURNS_ZERO));
        }
        Matcher ndis = NDIS_INIT.matcher(function);
        if (ndis.matches() && function.contains("Miniport")) {
            return Optional.of(new Pairing(List.of(ndis.group(1) + "Halt"), Failure.RETURNS_NON_ZERO));
        }
        return Optional.empty();
    }
}
