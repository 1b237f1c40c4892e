package dev.cemap.rules.checks;

import dev.cemap.analyzer.check.Access;
import dev.cemap.analyzer.check.CheckerContext;
import dev.cemap.analyzer.check.FactKey;
import dev.cemap.analyzer.check.OpaqueCall;
import dev.cemap.analyzer.check.Report;
import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.replay.Argument;
import dev.cemap.analyzer.replay.CallSite;
import dev.cemap.analyzer.replay.RegionOrigin;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.analyzer.replay.ResourceKind;
import dev.cemap.analyzer.replay.TraceStep;
import dev.cemap.emulator.Ce;
import dev.cemap.emulator.Hex;
import dev.cemap.rules.Rule;
import dev.cemap.rules.RuleInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

@RuleInfo(
        id = "dma-buffer-not-flushed",
        level = Level.NOTE,
        summary = "A buffer the CPU wrote through the cache is handed to DMA by its physical address without a cache flush",
        description = "A buffer the CPU sees through the data cache (AllocPhysMem without PAGE_NOCACHE, "
                + "HalAllocateCommonBuffer with CacheEnabled TRUE, a VirtualCopy or MmMapIoSpace mapping of memory "
                + "without PAGE_NOCACHE) is written by the CPU and then handed to a DMA engine by its physical "
                + "address (stored to a device register, into a descriptor the device then gets, or passed to a "
                + "DMA start call) with no call between them that could flush the cache. The device reads memory, "
                + "not the cache: it transfers stale data, and dirty lines written back later can overwrite what "
                + "it wrote. Only paths on which every step between the write and the hand-off is seen are "
                + "reported: any call the replay cannot follow counts as a possible flush.",
        help = """
                The device reads memory, not the CPU's cache. A playback page filled through the cache:

                ```c
                pBuf = AllocPhysMem(cb, PAGE_READWRITE, 0, 0, &dwPhys);   /* cached */
                memcpy(pBuf, pData, cb);
                WRITE_REGISTER_ULONG(&pDmaRegs->SRC_ADDR, dwPhys);       /* reported: data may be in the cache */
                ```
                Write the range back before the hand-off, `CacheRangeFlush(pBuf, cb, CACHE_SYNC_WRITEBACK);`
                (CacheSync or the OAL's flush IOCTL do too), or allocate the buffer uncached:
                `PAGE_READWRITE | PAGE_NOCACHE`, `HalAllocateCommonBuffer(..., FALSE)`.

                A hand-off is the buffer's physical address (AllocPhysMem's or HalAllocateCommonBuffer's
                out-parameter, or the physical address a mapping was made of) stored through an uncached
                register mapping made on the same path (VirtualCopy with `PAGE_NOCACHE | PAGE_PHYSICAL`,
                MmMapIoSpace with FALSE; CEDDK accessors count), or passed to a call with DMA, Transfer or
                Start in its name that has no body in the tree. Stored into a descriptor, it counts when the
                descriptor's own physical address is handed over. Any call the replay cannot see into
                between the write and the hand-off silences the rule, since it may flush; so does a helper
                of the driver that the replay only summarises.
                """,
        tags = {"correctness", "wince", "dma", "cache"},
        precision = "medium")
public final class DmaBufferNotFlushed implements Rule {

    /** Calls that write through their first argument and leave the cache as it is. */
    private static final Pattern WRITERS = Pattern.compile(
            "memcpy|memmove|memset|wmemcpy|wmemset|(?:Rtl|Ndis)?(?:Copy|Move|Zero|Fill)Memory");
    /** Calls that cannot flush a data cache range: register accessors, debug output, locks. */
    private static final Pattern QUIET = Pattern.compile(
            "(?:READ|WRITE)_(?:REGISTER|PORT)_\\w+|(?:IN|OUT|SET|CLR|MASK)REG(?:8|16|32)?"
                    + "|NKDbgPrintfW?|OutputDebugStringW?|(?:Enter|Leave)CriticalSection|Interlocked\\w+");
    /** Calls that by their name start a transfer from a physical address. */
    private static final Pattern DMA_START = Pattern.compile("(?i).*(?:dma|transfer|xfer|start).*");
    /** Names of calls that rather keep the cache coherent. */
    private static final Pattern CACHE_WORDS = Pattern.compile("(?i).*(?:flush|cache|sync|clean|invalidate).*");

    /** A cached view of memory whose physical address the replay can recognise. */
    private record View(RegionOrigin region, CallSite made, int physicalOf, long physicalBase, long size, String how) {
    }

    /** The physical address of {@code buffer} stored into the descriptor at {@code site}. */
    private record Link(int buffer, CallSite site) {
    }

    /** The cached views this replay created, by region: they do not change along a path. */
    private static final FactKey<Map<Integer, View>> VIEWS = FactKey.of("cached-views", Map.of(), (a, b) -> {
        Map<Integer, View> either = new HashMap<>(b);
        either.putAll(a);
        return Map.copyOf(either);
    });
    /** Uncached mappings of device memory (VirtualCopy with PAGE_NOCACHE, MmMapIoSpace with FALSE): registers. */
    private static final FactKey<java.util.Set<Integer>> DEVICE = FactKey.of("device-mappings", java.util.Set.of(),
            FactKey::union);
    /** Cached views the CPU wrote since the last call that might have flushed, with the last write. */
    private static final FactKey<Map<Integer, CallSite>> DIRTY = FactKey.of("dirty-views", Map.of(),
            DmaBufferNotFlushed::common);
    /** Descriptors (cached or not) that hold the physical address of another buffer. */
    private static final FactKey<Map<Integer, Link>> LINKS = FactKey.of("descriptor-links", Map.of(),
            DmaBufferNotFlushed::common);

    @Override
    public void onCall(ReplayEvent event, CheckerContext context) {
        if (event instanceof ReplayEvent.PhysicalAllocation allocation
                && allocation.cached().orElse(false)) {
            addView(context, new View(allocation.region(), allocation.site(), allocation.region().regionId(), -1, -1,
                    allocation.region().kind() == ResourceKind.COMMON_BUFFER ? "with CacheEnabled TRUE"
                            : "without PAGE_NOCACHE"));
        } else if (event instanceof ReplayEvent.Copy copy && copy.destRegion().isPresent()
                && copy.protect().isKnown() && (copy.protect().longValue() & Ce.PAGE_NOCACHE) == 0
                && (copy.protect().longValue() & Ce.PAGE_PHYSICAL) != 0) {
            physicalView(context, copy.destRegion().get(), copy.site(), copy.source(), true, copy.size(),
                    "without PAGE_NOCACHE");
        } else if (event instanceof ReplayEvent.MapIoSpace map && map.cacheEnable().isKnown()
                && map.cacheEnable().longValue() != 0) {
            physicalView(context, map.region(), map.site(), map.physical(), false, map.size(), "with cacheEnable TRUE");
        } else if (event instanceof ReplayEvent.Copy copy && copy.destRegion().isPresent()
                && copy.protect().isKnown() && (copy.protect().longValue() & Ce.PAGE_NOCACHE) != 0
                && (copy.protect().longValue() & Ce.PAGE_PHYSICAL) != 0 && isDevice(copy.source())) {
            device(context, copy.destRegion().get());
        } else if (event instanceof ReplayEvent.MapIoSpace map && map.cacheEnable().isKnown()
                && map.cacheEnable().longValue() == 0 && isDevice(map.physical())) {
            device(context, map.region());
        }
    }

    /** A physical address that is not kernel RAM the replay allocated (an alias of a buffer is no register). */
    private static boolean isDevice(Value physical) {
        return physical.isKnown() && physical.pointee().isEmpty();
    }

    private static void device(CheckerContext context, RegionOrigin region) {
        java.util.Set<Integer> device = new java.util.HashSet<>(context.path().fact(DEVICE));
        device.add(region.regionId());
        context.setFact(DEVICE, java.util.Set.copyOf(device));
    }

    private static void physicalView(CheckerContext context, RegionOrigin region, CallSite made, Value source,
            boolean shifted, Value size, String how) {
        if (source.pointee().orElse(null) instanceof Pointee.Heap heap && heap.physicalOf() > 0) {
            addView(context, new View(region, made, heap.physicalOf(), -1, -1, how)); // a cached alias of kernel RAM
        } else if (source.isKnown() && source.pointee().isEmpty()) {
            long base = shifted ? source.longValue() << 8 : source.longValue();
            addView(context, new View(region, made, 0, base, size.isKnown() ? size.longValue() : 1, how));
        }
    }

    private static void addView(CheckerContext context, View view) {
        Map<Integer, View> views = new HashMap<>(context.path().fact(VIEWS));
        views.put(view.region().regionId(), view);
        context.setFact(VIEWS, Map.copyOf(views));
    }

    @Override
    public void onAccess(Access access, CheckerContext context) {
        if (!access.write() || !(access.pointer().pointee().orElse(null) instanceof Pointee.Region target)) {
            return;
        }
        Map<Integer, View> views = context.path().fact(VIEWS);
        if (views.containsKey(target.regionId())) {
            dirty(context, target.regionId(), access.site());
        }
        RegionOrigin region = context.region(target.regionId()).orElse(null);
        if (region == null) {
            return;
        }
        if (region.kind().isCommittedMemory() || views.containsKey(target.regionId())) {
            // A descriptor in memory: the device reads it when its own address is handed over.
            physicalOf(access.stored(), views).ifPresent(buffer -> {
                Map<Integer, Link> links = new HashMap<>(context.path().fact(LINKS));
                links.put(target.regionId(), new Link(buffer, access.site()));
                context.setFact(LINKS, Map.copyOf(links));
            });
        } else if (context.path().fact(DEVICE).contains(target.regionId())) {
            handOff(context, access.stored(), access.site(), "stored to the device register " + access.site().callee());
        }
    }

    @Override
    public void onOpaqueCall(OpaqueCall call, CheckerContext context) {
        String callee = call.site().callee();
        if (WRITERS.matcher(callee).matches()) {
            if (!call.arguments().isEmpty()
                    && call.arguments().get(0).value().pointee().orElse(null) instanceof Pointee.Region target
                    && context.path().fact(VIEWS).containsKey(target.regionId())) {
                dirty(context, target.regionId(), call.site());
            }
            return;
        }
        if (QUIET.matcher(callee).matches()) {
            return;
        }
        if (call.kind() == OpaqueCall.Kind.UNKNOWN && DMA_START.matcher(callee).matches()
                && !CACHE_WORDS.matcher(callee).matches()) {
            for (Argument argument : call.arguments()) {
                handOff(context, physicalArgument(argument, context), call.site(), "passed to " + callee);
            }
        }
        if (!context.path().fact(DIRTY).isEmpty()) {
            context.setFact(DIRTY, Map.of()); // it may flush the cache: nothing is known to be dirty any more
        }
    }

    /** A PHYSICAL_ADDRESS passed by value is its LowPart / QuadPart. */
    private static Value physicalArgument(Argument argument, CheckerContext context) {
        if (argument.value().pointee().isPresent() || argument.value().isKnown() || argument.storage().isEmpty()) {
            return argument.value();
        }
        StorageKey key = argument.storage().get();
        return context.path().valueAt(new StorageKey.Field(key, "QuadPart"))
                .or(() -> context.path().valueAt(new StorageKey.Field(key, "LowPart")))
                .orElse(argument.value());
    }

    private static void dirty(CheckerContext context, int regionId, CallSite site) {
        Map<Integer, CallSite> dirty = new HashMap<>(context.path().fact(DIRTY));
        dirty.put(regionId, site);
        context.setFact(DIRTY, Map.copyOf(dirty));
    }

    /** The buffer whose physical address {@code value} is: kernel RAM the replay allocated, or a mapped range. */
    private static Optional<Integer> physicalOf(Value value, Map<Integer, View> views) {
        if (value.pointee().orElse(null) instanceof Pointee.Heap heap && heap.physicalOf() > 0) {
            return Optional.of(heap.physicalOf());
        }
        if (value.isKnown() && value.pointee().isEmpty()) {
            long address = value.longValue();
            return views.values().stream()
                    .filter(view -> view.physicalBase() >= 0 && address >= view.physicalBase()
                            && address < view.physicalBase() + Math.max(1, view.size()))
                    .map(view -> view.region().regionId())
                    .sorted()
                    .findFirst();
        }
        return Optional.empty();
    }

    private void handOff(CheckerContext context, Value value, CallSite site, String how) {
        if (context.path().isMerged()) {
            return;
        }
        Map<Integer, View> views = context.path().fact(VIEWS);
        Optional<Integer> target = physicalOf(value, views);
        if (target.isEmpty()) {
            return;
        }
        Map<Integer, CallSite> dirty = context.path().fact(DIRTY);
        Map<Integer, Link> links = context.path().fact(LINKS);
        // The buffer itself, or a cached view of the same memory, or a buffer its descriptor points to.
        Map<Integer, Link> reached = new LinkedHashMap<>();
        reached.put(target.get(), null);
        Link link = links.get(target.get());
        if (link != null) {
            reached.put(link.buffer(), link);
        }
        for (Map.Entry<Integer, Link> entry : reached.entrySet()) {
            for (View view : views.values()) {
                int id = view.region().regionId();
                boolean same = id == entry.getKey() || view.physicalOf() == entry.getKey();
                if (same && dirty.containsKey(id)) {
                    report(context, site, how, view, dirty.get(id), entry.getValue());
                    return;
                }
            }
        }
    }

    private void report(CheckerContext context, CallSite site, String how, View view, CallSite write, Link link) {
        RegionOrigin region = view.region();
        String noun = region.kind().isCommittedMemory() ? region.kind().noun() : "mapping";
        String handed = link == null ? "is " + how
                : "goes into the descriptor written at line " + link.site().location().line()
                        + ", whose own physical address is " + how;
        String message = "the " + noun + " that " + view.made().callee() + " made at line "
                + view.made().location().line() + " is cached (" + view.how() + "); its physical address " + handed
                + ", but the CPU wrote the buffer at line " + write.location().line() + " (" + write.callee()
                + ") and nothing flushed the data cache in between: the device reads memory, not the cache; call "
                + "CacheRangeFlush(p, size, CACHE_SYNC_WRITEBACK) before the hand-off, or allocate or map the "
                + "buffer uncached";
        List<TraceStep> related = new ArrayList<>();
        related.add(new TraceStep(view.made().location(), "the cached buffer: " + region.describe()
                + (view.physicalBase() >= 0 ? ", physical " + Hex.addr(view.physicalBase()) : "")));
        related.add(new TraceStep(write.location(), "the CPU writes it through the cache: " + write.callee()));
        if (link != null) {
            related.add(new TraceStep(link.site().location(), "its physical address goes into a descriptor: "
                    + link.site().callee()));
        }
        context.report(new Report(site, message, context.path().trace(), Optional.empty(), related));
    }

    /** What two joined paths both know, where they agree. */
    private static <V> Map<Integer, V> common(Map<Integer, V> a, Map<Integer, V> b) {
        Map<Integer, V> both = new HashMap<>();
        a.forEach((key, value) -> {
            if (value.equals(b.get(key))) {
                both.put(key, value);
            }
        });
        return Map.copyOf(both);
    }
}
