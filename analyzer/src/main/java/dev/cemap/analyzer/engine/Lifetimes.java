package dev.cemap.analyzer.engine;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entry points whose mappings live until a paired exit: stream driver {@code XXX_Init} /
 * {@code XXX_Deinit} and {@code XXX_Open} / {@code XXX_Close} (the exit receives what the init
 * returned: the device or open context), C++ constructor / destructor and
 * {@code Init} / {@code Deinit}-named members, NDIS {@code …Initialize} / {@code …Halt}, and
 * members named after a part of the object they set up and tear down: {@code CCDCInit} /
 * {@code CCDCDeInit}, {@code AllocBuffer} / {@code DeAllocBuffer}.
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
        PAIRED_EXIT,
        /** Its caller decides (a part of an object set up by its own init): failures are not followed. */
        CALLER
    }

    /** An init function, the names its paired exit may have, and what follows its failure. */
    record Pairing(List<String> exitNames, Failure failure, Cleanup onFailure, boolean passesContext) {
    }

    private static final Pattern STREAM = Pattern.compile("([A-Za-z0-9]+)_(Init|Open)");
    private static final Pattern CONSTRUCTOR = Pattern.compile("(?:(.*)::)?([A-Za-z_][A-Za-z0-9_]*)::\\2");
    private static final Pattern MEMBER_INIT = Pattern.compile("(.*::)(Init|Initialize)");
    private static final Pattern NDIS_INIT = Pattern.compile("(.*)Initialize");
    /** A member that sets up one part of its object: the token is a word of the name ({@code CCDCInit}, {@code AllocBuffer}). */
    private static final Pattern PART_SETUP = Pattern.compile(
            "(.*::)([A-Za-z0-9_]*?)(Initialize|Init|Allocate|Alloc)((?:[A-Z_0-9][A-Za-z0-9_]*)?)");

    private Lifetimes() {
    }

    static Optional<Pairing> pairingOf(String function) {
        return pairingOf(function, "");
    }

    /**
     * @param returnType the declared return type as written; a part's setup is paired only when it
     *                   says how failure is returned (BOOL, a status, void)
     */
    static Optional<Pairing> pairingOf(String function, String returnType) {
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
        Matcher part = PART_SETUP.matcher(function);
        Optional<Failure> failure = failureOf(returnType);
        if (part.matches() && failure.isPresent()) {
            String cls = part.group(1);
            String before = part.group(2);
            String after = part.group(4);
            List<String> undo = switch (part.group(3)) {
                case "Init" -> List.of("Deinit", "DeInit", "Uninit", "UnInit");
                case "Initialize" -> List.of("Deinitialize", "DeInitialize", "Uninitialize", "UnInitialize");
                case "Alloc" -> List.of("DeAlloc", "Dealloc", "Free", "Release");
                default -> List.of("Deallocate", "DeAllocate", "Free", "Release");
            };
            return Optional.of(new Pairing(undo.stream().map(word -> cls + before + word + after).toList(),
                    failure.get(), Cleanup.CALLER, false));
        }
        return Optional.empty();
    }

    /** How a function of this return type says it failed, when the type tells. */
    private static Optional<Failure> failureOf(String returnType) {
        String type = returnType.replaceAll("\\b(static|inline|virtual|WINAPI|__stdcall|__cdecl)\\b", "").trim();
        if (type.matches("BOOL|BOOLEAN|bool")) {
            return Optional.of(Failure.RETURNS_ZERO);
        }
        if (type.endsWith("STATUS") || type.equals("HRESULT")) {
            return Optional.of(Failure.RETURNS_NON_ZERO);
        }
        if (type.equals("void") || type.equals("VOID")) {
            return Optional.of(Failure.NEVER);
        }
        return Optional.empty();
    }
}
