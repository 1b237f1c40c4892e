package dev.cemap.analyzer.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SourceLanguageTest {

    @Test
    void theExtensionDecides() {
        assertThat(SourceLanguage.ofFile(Path.of("a/Drv.C"))).contains(SourceLanguage.C);
        assertThat(SourceLanguage.ofFile(Path.of("b.cpp"))).contains(SourceLanguage.CPP);
        assertThat(SourceLanguage.ofFile(Path.of("c.CXX"))).contains(SourceLanguage.CPP);
        assertThat(SourceLanguage.ofFile(Path.of("d.cc"))).contains(SourceLanguage.CPP);
        assertThat(SourceLanguage.ofFile(Path.of("e.h"))).isEmpty();
        assertThat(SourceLanguage.ofFile(Path.of("sources"))).isEmpty();
    }
}
