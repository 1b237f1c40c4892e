package dev.cemap.analyzer.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cemap.analyzer.frontend.SourcesFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code sources} files (NMAKE syntax) of any content, with a {@code sources.cmn} above them: the
 * reader returns a result or nothing, and the include folders it returns exist.
 */
class SourcesFileFuzzTest {

    private static final FuzzFolder FOLDER = new FuzzFolder("sources");

    /**
     * An input is the {@code sources.cmn} text, a NUL byte, then the {@code sources} text; without
     * a NUL it is the {@code sources} text alone and there is no {@code sources.cmn}. Readable
     * seeds, and mutations that move text between the two files.
     */
    @FuzzTest
    void read(byte[] input) throws Exception {
        int nul = indexOfNul(input);
        Path commonFile = FOLDER.bspFolder().resolve("sources.cmn");
        if (nul < 0) {
            Files.deleteIfExists(commonFile);
        } else {
            FOLDER.write(commonFile, Arrays.copyOfRange(input, 0, nul));
        }
        byte[] sources = nul < 0 ? input : Arrays.copyOfRange(input, nul + 1, input.length);
        Path file = FOLDER.write(FOLDER.driverFolder().resolve("sources"), sources);
        Optional<SourcesFile> read = ParserThread.run(() -> SourcesFile.read(file, FOLDER.root()));
        assertThat(read).isNotNull();
        read.ifPresent(parsed -> {
            assertThat(parsed.includeDirs()).allSatisfy(dir -> assertThat(dir).isDirectory());
            assertThat(parsed.cdefines().keySet()).allSatisfy(name -> assertThat(name).isNotBlank());
            assertThat(parsed.notifications()).doesNotContainNull();
            assertThat(parsed.targetType()).isNotNull();
        });
    }

    private static int indexOfNul(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
