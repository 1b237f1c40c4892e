package dev.cemap.analyzer.project;

import java.nio.file.Path;
import java.util.List;

/**
 * The build facts of one BSP folder: its registry, its image files, its address table, the RAM
 * the kernel owns and the modules built inside it.
 *
 * @param root         the BSP folder (the one holding {@code FILES\platform.reg} / {@code config.bib}),
 *                     or the scanned folder when no BSP root was found
 * @param registry     every {@code .reg} file of the folder, merged ({@code platform.reg} first)
 * @param bibFiles     the OS image's {@code .bib} files: {@code config.bib} and {@code platform.bib} of
 *                     {@code FILES} (else {@code CESYSGEN\files}), with what they include
 * @param otherImages  the other {@code .bib} files: boot loaders and other images, whose RAM is not the kernel's
 * @param addressTable the OEMAddressTable; empty when none was found
 * @param kernelRam    RAM/RAMIMAGE entries of the OS image, translated to physical
 * @param loads        the DLLs known loaders load, from the registry
 * @param modules      the modules whose {@code sources} file is in the folder
 */
public record Bsp(Path root, RegistryFile registry, List<BibFile> bibFiles, List<BibFile> otherImages,
        OemAddressTable addressTable, KernelRam kernelRam, List<DriverLoad> loads, List<Module> modules) {

    public Bsp {
        bibFiles = List.copyOf(bibFiles);
        otherImages = List.copyOf(otherImages);
        loads = List.copyOf(loads);
        modules = List.copyOf(modules);
    }

    /** MODULES entries of the OS image's bib files, in order. */
    public List<BibFile.ModuleEntry> imageModules() {
        return bibFiles.stream().flatMap(bib -> bib.modules().stream()).toList();
    }

    /** Driver keys of the registry, in order. */
    public List<DriverKey> drivers() {
        return registry.drivers();
    }
}
