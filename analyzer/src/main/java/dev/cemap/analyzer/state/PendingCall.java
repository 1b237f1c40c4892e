package dev.cemap.analyzer.state;

import dev.cemap.analyzer.replay.RegionStatus;
import java.util.OptionalLong;

/**
 * What a path must undo when it learns that a call it replayed as successful failed:
 * a VirtualCopy maps nothing, a VirtualFree releases nothing.
 *
 * @param regionId      the region the call worked on, or -1
 * @param undoAddress   for a copy, the emulated destination whose pages to unmap
 * @param undoSize      for a copy, its size
 * @param statusBefore  for a release, the region's status before it
 */
public record PendingCall(int regionId, OptionalLong undoAddress, long undoSize, RegionStatus statusBefore) {
}
