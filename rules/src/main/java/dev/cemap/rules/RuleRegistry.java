package dev.cemap.rules;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import dev.cemap.rules.checks.AttributesTouchPfn;
import dev.cemap.rules.checks.DestNotReserved;
import dev.cemap.rules.checks.DmaBufferNotFlushed;
import dev.cemap.rules.checks.DoubleRelease;
import dev.cemap.rules.checks.MappingLeak;
import dev.cemap.rules.checks.MissingNocache;
import dev.cemap.rules.checks.UnalignedUserExposure;
import dev.cemap.rules.checks.UninitializedHighpart;
import dev.cemap.rules.checks.UnmapSizeMismatch;
import dev.cemap.rules.checks.UseAfterRelease;
import dev.cemap.rules.checks.InvalidProtection;
import dev.cemap.rules.checks.KernelOnlyApi;
import dev.cemap.rules.checks.PhysicalOnKernelRam;
import dev.cemap.rules.checks.WrongConstant;
import dev.cemap.rules.checks.MissingPhysicalShift;
import dev.cemap.rules.checks.PageOffsetMismatch;
import dev.cemap.rules.checks.PhysicalFlagMissing;
import dev.cemap.rules.checks.ReleaseWithSize;
import dev.cemap.rules.checks.ReleaseWrongPointer;
import dev.cemap.rules.checks.SectionCrossing;
import dev.cemap.rules.checks.VirtualAsPhysical;

/** Every rule cemap runs, in rule-id order. Adding a rule means adding it here. */
public final class RuleRegistry {

    private static final List<Rule> RULES = Stream.<Rule>of(
                    new AttributesTouchPfn(),
                    new DestNotReserved(),
                    new DmaBufferNotFlushed(),
                    new DoubleRelease(),
                    new InvalidProtection(),
                    new KernelOnlyApi(),
                    new MappingLeak(),
                    new MissingNocache(),
                    new MissingPhysicalShift(),
                    new PageOffsetMismatch(),
                    new PhysicalFlagMissing(),
                    new PhysicalOnKernelRam(),
                    new ReleaseWithSize(),
                    new ReleaseWrongPointer(),
                    new SectionCrossing(),
                    new UnalignedUserExposure(),
                    new UninitializedHighpart(),
                    new UnmapSizeMismatch(),
                    new UseAfterRelease(),
                    new VirtualAsPhysical(),
                    new WrongConstant())
            .sorted(Comparator.comparing(rule -> rule.info().id()))
            .toList();

    private RuleRegistry() {
    }

    public static List<Rule> all() {
        return RULES;
    }

    public static Optional<Rule> byId(String id) {
        return RULES.stream().filter(rule -> rule.info().id().equals(id)).findFirst();
    }
}
