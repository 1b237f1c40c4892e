package dev.cemap.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files are read once; what they mention is asked afterwards, as whole identifiers. */
class TreeMentionsTest {

    @TempDir
    Path tree;

    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    private TreeMentions read(Path... files) {
        return TreeMentions.read(List.of(files), workers, ScanListener.NONE);
    }

    @Test
    void aNameCountsOnlyAsAWholeIdentifier() throws IOException {
        Path file = Files.writeString(tree.resolve("a.c"), "x = MapRegsEx(1); /* VirtualCopy */ y = _MmMapIoSpace;\n");
        TreeMentions mentions = read(file);

        assertThat(mentions.mentionsAny(file, Set.of("MapRegs"))).isFalse();
        assertThat(mentions.mentionsAny(file, Set.of("MapRegsEx"))).isTrue();
        assertThat(mentions.mentionsAny(file, Set.of("VirtualCopy"))).as("in a comment").isTrue();
        assertThat(mentions.mentionsAny(file, Set.of("MmMapIoSpace"))).isFalse();
    }

    @Test
    void latinLettersJoinIdentifiersAndNulBytesAreDropped() throws IOException {
        Path latin = Files.write(tree.resolve("latin.c"), "éVirtualCopy(p);\n".getBytes(StandardCharsets.ISO_8859_1));
        Path wide = Files.write(tree.resolve("wide.c"), "\uFEFF// wide\r\nVirtualCopy(p);\r\n".getBytes(StandardCharsets.UTF_16LE));
        TreeMentions mentions = read(latin, wide);

        assertThat(mentions.mentionsAny(latin, Set.of("VirtualCopy"))).isFalse();
        assertThat(mentions.mentionsAny(wide, Set.of("VirtualCopy"))).isTrue();
    }

    @Test
    void aNameThatIsNoIdentifierIsLookedForInTheText() throws IOException {
        Path file = Files.writeString(tree.resolve("serial.cpp"), "CSerial::~CSerial() { Unmap(); }\n");
        TreeMentions mentions = read(file);

        assertThat(mentions.mentionsAny(file, Set.of("~CSerial"))).isTrue();
        assertThat(mentions.mentionsAny(file, Set.of("~CSer"))).isFalse();
    }

    @Test
    void aFileThatCannotBeReadMentionsEverything() {
        Path missing = tree.resolve("gone.c");
        TreeMentions mentions = read(missing);

        assertThat(mentions.filesMentioning(List.of(missing), Set.of("VirtualCopy"))).containsExactly(missing);
    }
}
