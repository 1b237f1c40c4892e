package dev.cemap.analyzer.check;

/**
 * The replay of one function ended.
 *
 * @param complete false when it stopped at its budget: some paths were not followed
 */
public record RootEnd(boolean complete) {
}
