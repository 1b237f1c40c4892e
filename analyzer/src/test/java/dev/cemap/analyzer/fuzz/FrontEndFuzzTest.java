package dev.cemap.analyzer.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cemap.analyzer.frontend.FrontEnd;
import dev.cemap.analyzer.frontend.FrontEndSettings;
import dev.cemap.analyzer.frontend.ParsedFile;
import dev.cemap.emulator.CeVersion;
import java.nio.file.Path;

/**
 * The front end on arbitrary bytes as a .c and a .cpp file: it must never throw, and a file it
 * could not parse must say why. Regression inputs: FrontEndFuzzTestInputs/ beside this class in
 * the test resources.
 */
class FrontEndFuzzTest {

    private static final FuzzFolder FOLDER = new FuzzFolder("frontend");

    @FuzzTest
    @DictionaryFile(resourcePath = "/dev/cemap/analyzer/fuzz/c-driver.dict")
    void parseC(byte[] source) throws Exception {
        parse(FOLDER.driverFolder().resolve("fuzzed.c"), source);
    }

    @FuzzTest
    @DictionaryFile(resourcePath = "/dev/cemap/analyzer/fuzz/c-driver.dict")
    void parseCpp(byte[] source) throws Exception {
        parse(FOLDER.driverFolder().resolve("fuzzed.cpp"), source);
    }

    private static void parse(Path file, byte[] source) throws Exception {
        FOLDER.write(file, source);
        // A new front end per input: its header cache would otherwise keep what an earlier input
        // included (a file can include itself), and a finding would depend on the inputs before it.
        FrontEnd frontEnd = new FrontEnd(FrontEndSettings.defaults(CeVersion.CE6), FOLDER.root());
        ParsedFile parsed = ParserThread.run(() -> frontEnd.parse(file));
        assertThat(parsed).isNotNull();
        assertThat(parsed.file()).isEqualTo(file.toAbsolutePath().normalize());
        if (parsed.translationUnit().isEmpty()) {
            assertThat(parsed.notifications()).as("a file without an AST says why").isNotEmpty();
        }
    }
}
