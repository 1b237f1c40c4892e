package dev.cemap.analyzer.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What rules may ask about the BSP around a source file: how its code runs and which physical
 * memory the kernel owns. {@link ProjectModel} answers from the tree; {@link #NONE} knows nothing.
 */
public interface BspFacts {

    /** Knows nothing: every file is of unknown context, kernel RAM is unknown. */
    BspFacts NONE = new BspFacts() {
        @Override
        public Optional<Module> moduleOf(Path sourceFile) {
            return Optional.empty();
        }

        @Override
        public List<ExecutionContext> contextsOf(Path sourceFile) {
            return List.of(ExecutionContext.unknown("no project model"));
        }

        @Override
        public KernelRam kernelRamFor(Path sourceFile) {
            return KernelRam.unknown("no project model");
        }
    };

    /** The module whose SOURCES list the file, else the one of the nearest {@code sources} file. */
    Optional<Module> moduleOf(Path sourceFile);

    /**
     * Every way the file's code runs: one per registry key loading its DLL, one per module a
     * library is linked into. Never empty: a single {@link ExecutionContext.Mode#UNKNOWN} when
     * nothing is known.
     */
    List<ExecutionContext> contextsOf(Path sourceFile);

    /** Kernel-managed RAM of the file's BSP. */
    KernelRam kernelRamFor(Path sourceFile);

    /**
     * Whether a call in {@code callerFile} can bind to a function defined in {@code definitionFile},
     * as the linker binds it (the caller's module and the libraries it links).
     */
    default boolean canBind(Path callerFile, Path definitionFile) {
        return true;
    }

    /**
     * The {@code sources} file whose build of {@code definitionFile} a call in {@code callerFile}
     * links with (its CDEFINES and INCLUDES apply); empty when not one build is known.
     */
    default Optional<Path> sourcesBuilding(Path callerFile, Path definitionFile) {
        return Optional.empty();
    }
}
