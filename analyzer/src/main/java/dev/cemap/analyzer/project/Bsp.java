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
 * @param bibFiles     every {@code .bib} file of the folder
 * @param addressTable the OEMAddressTable; empty when none was found
 * @param kernelRam    RAM/RAMIMAGE entries of the bib files, translated to physical
 * @param modules      the modules whose {@code sources} file is in the folder
 */
public record Bsp(Path root, RegistryFile registry, List<BibFile> bibFiles, OemAddressTable addressTable,
        KernelRam kernelRam, List<Module> modules) {

    public Bsp {
        bibFiles = List.copyOf(bibFiles);
        modules = List.copyOf(modules);
    }

    /** MODULES entries of every bib file, in order. */
    public List<BibFile.ModuleEntry> imageModules() {
        return bibFiles.stream().flatMap(bib -> bib.modules().stream()).toList();
    }

    /** Driver keys of the registry, in order. */
    public List<DriverKey> drivers() {
        return registry.drivers();
    }
}
