package dev.cemap.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathExclusionsTest {

    @TempDir
    Path root;

    private PathExclusions exclusions(String... globs) {
        return PathExclusions.of(List.of(globs).stream().map(glob -> new PathExclusions.Pattern(root, glob)).toList());
    }

    @Test
    void aFolderGlobExcludesEverythingBelowIt() {
        PathExclusions excluded = exclusions("third_party");

        assertThat(excluded.excludes(root.resolve("third_party/zlib/inflate.c"))).isTrue();
        assertThat(excluded.excludes(root.resolve("drivers/third_party/x.c"))).isTrue();
        assertThat(excluded.excludes(root.resolve("drivers/uart.c"))).isFalse();
    }

    @Test
    void aGlobWithASlashIsAnchoredAtItsBase() {
        PathExclusions excluded = exclusions("drivers/legacy/**", "/oal/*.c");

        assertThat(excluded.excludes(root.resolve("drivers/legacy/a/b.c"))).isTrue();
        assertThat(excluded.excludes(root.resolve("bsp/drivers/legacy/b.c"))).isFalse();
        assertThat(excluded.excludes(root.resolve("oal/init.c"))).isTrue();
        assertThat(excluded.excludes(root.resolve("oal/arm/init.c"))).isFalse();
    }

    @Test
    void leadingDoubleStarAlsoMatchesRightBelowTheBase() {
        PathExclusions excluded = exclusions("**/generated/**");

        assertThat(excluded.excludes(root.resolve("generated/regs.c"))).isTrue();
        assertThat(excluded.excludes(root.resolve("a/b/generated/regs.c"))).isTrue();
    }

    @Test
    void aNameGlobMatchesAnyFileOfThatName() {
        PathExclusions excluded = exclusions("*_test.c");

        assertThat(excluded.excludes(root.resolve("drivers/uart_test.c"))).isTrue();
        assertThat(excluded.excludes(root.resolve("drivers/uart.c"))).isFalse();
    }

    @Test
    void pathsOutsideTheBaseAreNeverExcluded() {
        PathExclusions excluded = exclusions("**");

        assertThat(excluded.excludes(root.resolveSibling("elsewhere/x.c"))).isFalse();
        assertThat(excluded.excludes(root)).isFalse();
    }

    @Test
    void invalidAndEmptyGlobsAreRejected() {
        assertThatThrownBy(() -> exclusions("drivers/[a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid glob");
        assertThatThrownBy(() -> exclusions("/")).hasMessageContaining("empty glob");
    }

    @Test
    void theSourceTreeDoesNotWalkIntoExcludedFolders() throws IOException {
        Files.createDirectories(root.resolve("drivers/legacy"));
        Files.writeString(root.resolve("drivers/uart.c"), "");
        Files.writeString(root.resolve("drivers/legacy/old.c"), "");
        Files.writeString(root.resolve("drivers/uart_test.c"), "");

        SourceTree tree = SourceTree.of(List.of(root), exclusions("legacy", "*_test.c"));

        assertThat(tree.files()).containsExactly(root.resolve("drivers/uart.c"));
        assertThat(tree.root()).isEqualTo(root);
    }
}
