package dev.cemap.rules;

/**
 * A rule reads the replay of one function and reports what it proves wrong. Implementations are
 * stateless and annotated with {@link RuleInfo}.
 */
public interface Rule {

    void check(RuleContext context);

    /** The metadata on the implementing class. */
    default RuleInfo info() {
        RuleInfo info = getClass().getAnnotation(RuleInfo.class);
        if (info == null) {
            throw new IllegalStateException(getClass().getName() + " lacks @RuleInfo");
        }
        return info;
    }
}
