package dev.cemap.analyzer.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cemap.analyzer.FileAnalysis;
import dev.cemap.analyzer.FileAnalyzer;
import dev.cemap.analyzer.frontend.FrontEnd;
import dev.cemap.analyzer.frontend.FrontEndSettings;
import dev.cemap.emulator.CeVersion;
import java.nio.file.Path;

/**
 * Parse and replay of arbitrary C: whatever the input, the analysis of a file ends with a result
 * (notifications for what went wrong), never with an exception or an error.
 */
class FileAnalyzerFuzzTest {

    private static final FuzzFolder FOLDER = new FuzzFolder("analyzer");

    @FuzzTest
    @DictionaryFile(resourcePath = "/dev/cemap/analyzer/fuzz/c-driver.dict")
    void analyzeC(byte[] source) throws Exception {
        Path file = FOLDER.write(FOLDER.driverFolder().resolve("fuzzed.c"), source);
        FrontEnd frontEnd = new FrontEnd(FrontEndSettings.defaults(CeVersion.CE6), FOLDER.root());
        FileAnalyzer analyzer = new FileAnalyzer(frontEnd, CeVersion.CE6);
        FileAnalysis analysis = ParserThread.run(() -> analyzer.analyze(file));
        assertThat(analysis).isNotNull();
        assertThat(analysis.file()).isEqualTo(file.toAbsolutePath().normalize());
        if (!analysis.analysed()) {
            assertThat(analysis.notifications()).as("a file not analysed says why").isNotEmpty();
        }
    }
}
