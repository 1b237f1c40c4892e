package dev.cemap.analyzer.check;

import dev.cemap.analyzer.model.SourceLocation;

/**
 * A path took one side of an {@code if}.
 *
 * @param location   the condition
 * @param condition  the condition as written
 * @param taken      true for the then-branch
 */
public record Branch(SourceLocation location, String condition, boolean taken) {
}
