package dev.cemap.analyzer.frontend;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The two dialects the front end parses; chosen from the file name, as the CE build does. */
public enum SourceLanguage {
    C,
    CPP;

    /** {@code .c} is C; {@code .cpp}, {@code .cxx}, {@code .cc} are C++ (any case); anything else is not a source. */
    public static Optional<SourceLanguage> ofFile(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return Optional.empty();
        }
        String text = name.toString().toLowerCase(Locale.ROOT);
        int dot = text.lastIndexOf('.');
        String extension = dot < 0 ? "" : text.substring(dot + 1);
        return switch (extension) {
            case "c" -> Optional.of(C);
            case "cpp", "cxx", "cc" -> Optional.of(CPP);
            default -> Optional.empty();
        };
    }
}
