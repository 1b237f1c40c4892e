package dev.cemap.analyzer.api;

import java.util.Map;

/** The model of each {@code model} name {@code ce-apis.xml} may use. */
final class Models {

    private Models() {
    }

    static Map<String, ApiModel> byName() {
        return Map.ofEntries(
                Map.entry("reserve", new ReserveModel()),
                Map.entry("copy", new CopyModel()),
                Map.entry("free", new FreeModel()),
                Map.entry("map-io-space", new MapIoSpaceModel()),
                Map.entry("unmap-io-space", new UnmapIoSpaceModel()),
                Map.entry("set-attributes", new SetAttributesModel()),
                Map.entry("physical-allocation", new PhysicalAllocationModel()),
                Map.entry("physical-free", new PhysicalFreeModel()),
                Map.entry("heap", new HeapModel()),
                Map.entry("heap-out", new HeapOutModel()),
                Map.entry("heap-free", new HeapFreeModel()),
                Map.entry("file-view", new FileViewModel()),
                Map.entry("record", new RecordModel()),
                Map.entry("registry-windows", new RegistryWindowsModel()),
                Map.entry("registry-value", new RegistryValueModel()));
    }
}
