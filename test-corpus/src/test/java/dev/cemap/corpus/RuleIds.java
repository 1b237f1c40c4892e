package dev.cemap.corpus;

import java.util.List;

/** Rule ids from the design's catalogue; ids are stable forever, so a fixed list is safe. */
final class RuleIds {

    /** The rules the corpus must exercise, each with positive and negative cases. */
    static final List<String> COVERED = List.of(
            "page-offset-mismatch",
            "section-crossing",
            "missing-physical-shift",
            "physical-flag-missing",
            "dest-not-reserved",
            "invalid-protection",
            "release-with-size",
            "virtual-as-physical",
            "kernel-only-api",
            "physical-on-kernel-ram",
            "wrong-constant",
            "mapping-leak",
            "unmap-size-mismatch",
            "uninitialized-highpart",
            "missing-nocache",
            "attributes-touch-pfn",
            "unaligned-user-exposure");

    /** Every rule id of the catalogue: a marker naming anything else is a typo. */
    static final List<String> CATALOGUE = List.of(
            "page-offset-mismatch",
            "section-crossing",
            "missing-physical-shift",
            "physical-flag-missing",
            "dest-not-reserved",
            "kernel-only-api",
            "physical-on-kernel-ram",
            "invalid-protection",
            "attributes-touch-pfn",
            "missing-nocache",
            "mapping-leak",
            "unmap-size-mismatch",
            "unaligned-user-exposure",
            "release-with-size",
            "virtual-as-physical",
            "uninitialized-highpart",
            "wrong-constant");

    private RuleIds() {
    }
}
