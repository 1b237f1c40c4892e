package dev.cemap.rules;

/** What a rule sees of one replayed function, and where it reports. */
public interface RuleContext {
}
