package dev.cemap.analyzer.replay;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the replay knows about each CE API it models: its name, what it does and which argument
 * plays which role. Kept as data so that a new API is one line here, not a new branch elsewhere.
 */
public enum MappingApi {
    VIRTUAL_ALLOC("VirtualAlloc", Effect.RESERVE, 4, "address", "size", "allocationType", "protect"),
    VIRTUAL_COPY("VirtualCopy", Effect.COPY, 4, "dest", "source", "size", "protect"),
    VIRTUAL_FREE("VirtualFree", Effect.FREE, 3, "address", "size", "freeType"),
    MM_MAP_IO_SPACE("MmMapIoSpace", Effect.MAP_IO_SPACE, 3, "physical", "size", "cacheEnable"),
    MM_UNMAP_IO_SPACE("MmUnmapIoSpace", Effect.UNMAP_IO_SPACE, 2, "address", "size"),
    VIRTUAL_SET_ATTRIBUTES("VirtualSetAttributes", Effect.SET_ATTRIBUTES, 5, "address", "size", "bits", "mask",
            "oldBits"),
    LOCAL_ALLOC("LocalAlloc", Effect.HEAP, 2, "flags", "size"),
    MALLOC("malloc", Effect.HEAP, 1, "size"),
    CALLOC("calloc", Effect.HEAP, 2, "count", "size"),
    HEAP_ALLOC("HeapAlloc", Effect.HEAP, 3, "heap", "flags", "size"),
    ALLOC_PHYS_MEM("AllocPhysMem", Effect.HEAP, 5, "size", "protect", "alignment", "flags", "physical"),
    HAL_ALLOCATE_COMMON_BUFFER("HalAllocateCommonBuffer", Effect.HEAP, 4, "adapter", "size", "physical", "cached"),
    MAP_VIEW_OF_FILE("MapViewOfFile", Effect.FILE_VIEW, 5, "mapping", "access", "offsetHigh", "offsetLow", "size"),
    CREATE_STATIC_MAPPING("CreateStaticMapping", Effect.RECORD, 2, "physical", "size"),
    VIRTUAL_ALLOC_COPY_EX("VirtualAllocCopyEx", Effect.RECORD, 5, "sourceProcess", "destProcess", "address",
            "size", "protect"),
    VIRTUAL_COPY_EX("VirtualCopyEx", Effect.RECORD, 6, "destProcess", "dest", "sourceProcess", "source", "size",
            "protect");

    /** What a call does to memory. */
    public enum Effect {
        RESERVE, COPY, FREE, MAP_IO_SPACE, UNMAP_IO_SPACE, SET_ATTRIBUTES, HEAP, FILE_VIEW,
        /** Recorded as a {@link ReplayEvent.Call} for rules; no effect on the emulated memory. */
        RECORD
    }

    private static final Map<String, MappingApi> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(MappingApi::functionName, Function.identity()));

    private final String functionName;
    private final Effect effect;
    private final int arity;
    private final List<String> parameters;

    MappingApi(String functionName, Effect effect, int arity, String... parameters) {
        this.functionName = functionName;
        this.effect = effect;
        this.arity = arity;
        this.parameters = List.of(parameters);
    }

    public static Optional<MappingApi> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public String functionName() {
        return functionName;
    }

    public Effect effect() {
        return effect;
    }

    /**
     * True for the APIs that make a function a mapping wrapper worth following from its callers:
     * everything but the ordinary heap allocators and file views, which the replay models only to
     * know what a pointer is (and which half of all driver code calls).
     */
    public boolean mapsMemory() {
        return effect != Effect.HEAP && effect != Effect.FILE_VIEW || this == ALLOC_PHYS_MEM
                || this == HAL_ALLOCATE_COMMON_BUFFER;
    }

    public int arity() {
        return arity;
    }

    /** The index of the named parameter. */
    public int parameter(String name) {
        int index = parameters.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(functionName + " has no parameter " + name);
        }
        return index;
    }
}
