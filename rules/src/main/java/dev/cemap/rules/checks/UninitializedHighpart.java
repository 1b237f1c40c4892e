package dev.cemap.rules.checks;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.rules.Flows;
import dev.cemap.rules.Rule;
import dev.cemap.analyzer.check.Bind;
import dev.cemap.analyzer.check.CheckerContext;
import dev.cemap.analyzer.replay.Argument;
import dev.cemap.analyzer.check.OpaqueCall;
import dev.cemap.analyzer.check.FactKey;
import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.replay.ApiCall;
import dev.cemap.analyzer.replay.CallSite;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import dev.cemap.rules.RuleInfo;

@RuleInfo(
        id = "uninitialized-highpart",
        level = Level.WARNING,
        summary = "PHYSICAL_ADDRESS passed to MmMapIoSpace with HighPart never set",
        description = "PHYSICAL_ADDRESS is a 64-bit LARGE_INTEGER. Setting only LowPart of a local leaves HighPart "
                + "with whatever the stack held; MmMapIoSpace uses the whole value, so the mapping goes to a "
                + "random address above 4 GB or fails, depending on the call history.",
        help = """
                Set the whole PHYSICAL_ADDRESS, not only its low half:

                ```c
                PHYSICAL_ADDRESS pa;
                pa.LowPart = UART0_PA;        /* HighPart is stack garbage */
                pa.HighPart = 0;              /* or: pa.QuadPart = UART0_PA; or PHYSICAL_ADDRESS pa = { 0 }; */
                pRegs = MmMapIoSpace(pa, sizeof(UART_REGS), FALSE);
                ```
                """,
        tags = {"correctness", "wince", "uninitialized"},
        precision = "high")
public final class UninitializedHighpart implements Rule {

    /** Locals of type PHYSICAL_ADDRESS / LARGE_INTEGER declared without initializer whose HighPart is still unset. */
    private static final FactKey<Set<StorageKey>> UNSET = FactKey.of("highpart-unset", Set.of(), FactKey::intersection);
    /** The MmMapIoSpace call about to read such a local: reported with the emulated mapping once it ran. */
    private static final FactKey<Optional<CallSite>> READ_UNSET = FactKey.keptWhereAgreed("highpart-read",
            Optional.empty());

    @Override
    public void onBind(Bind bind, CheckerContext context) {
        Set<StorageKey> unset = new HashSet<>(context.path().fact(UNSET));
        StorageKey key = bind.key();
        unset.removeIf(pending -> fills(key, pending));
        if (bind.kind() == Bind.Kind.DECLARED_UNINITIALIZED && key instanceof StorageKey.Local
                && (bind.declaredType().contains("PHYSICAL_ADDRESS") || bind.declaredType().contains("LARGE_INTEGER"))) {
            unset.add(key);
        }
        context.setFact(UNSET, Set.copyOf(unset));
    }

    /**
     * {@code TranslateBusAddr(..., &pa)}: a call of the tree or of code the replay cannot see may
     * fill the whole address through the pointer (HalTranslateBusAddress sets QuadPart), even
     * where its summary cannot tell.
     */
    @Override
    public void onOpaqueCall(OpaqueCall call, CheckerContext context) {
        if (call.kind() == OpaqueCall.Kind.LIBRARY) {
            return;
        }
        Set<StorageKey> unset = new HashSet<>(context.path().fact(UNSET));
        boolean filled = false;
        for (Argument argument : call.arguments()) {
            if (argument.addressed().isPresent()) {
                StorageKey key = argument.addressed().get();
                filled |= unset.removeIf(pending -> fills(key, pending));
            }
        }
        if (filled) {
            context.setFact(UNSET, Set.copyOf(unset));
        }
    }

    @Override
    public void onPreCall(ApiCall call, CheckerContext context) {
        if (call.api().is("MmMapIoSpace") && call.argument("physical").storage()
                .filter(context.path().fact(UNSET)::contains).isPresent()) {
            context.setFact(READ_UNSET, Optional.of(call.site()));
        }
    }

    @Override
    public void onCall(ReplayEvent event, CheckerContext context) {
        if (event instanceof ReplayEvent.MapIoSpace map
                && context.path().fact(READ_UNSET).filter(map.site()::equals).isPresent()) {
            context.setFact(READ_UNSET, Optional.empty());
            String pa = map.site().argument(0);
            report(context, map.site(), pa + ".HighPart is never set before MmMapIoSpace reads the 64-bit address: set "
                    + pa + ".QuadPart, or " + pa + ".HighPart = 0, or initialise it with { 0 }", Flows.ofMap(map));
        }
    }

    /** Whether writing {@code written} sets HighPart of {@code pending}: all of it, or a part but LowPart. */
    private static boolean fills(StorageKey written, StorageKey pending) {
        return pending.isPrefixOf(written) && !isLowPartOf(written, pending) || written.isPrefixOf(pending);
    }

    /** {@code pa.LowPart} and {@code pa.u.LowPart} leave HighPart as it was. */
    private static boolean isLowPartOf(StorageKey written, StorageKey largeInteger) {
        return written instanceof StorageKey.Field field && largeInteger.isPrefixOf(field.owner())
                && field.name().equals("LowPart");
    }
}
