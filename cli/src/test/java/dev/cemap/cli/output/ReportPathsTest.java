package dev.cemap.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReportPathsTest {

    private final Path root = Path.of("/work/bsp root").toAbsolutePath();
    private final ReportPaths paths = new ReportPaths(root);

    @Test
    void displayIsRelativeWithForwardSlashes() {
        assertThat(paths.display(root.resolve("drivers/serial/map.c"))).isEqualTo("drivers/serial/map.c");
    }

    @Test
    void displayNormalisesDotSegments() {
        assertThat(paths.display(root.resolve("drivers/../inc/./bsp.h"))).isEqualTo("inc/bsp.h");
    }

    @Test
    void relativeUriIsPercentEncoded() {
        assertThat(paths.relativeUri(root.resolve("my driver/100%.c"))).contains("my%20driver/100%25.c");
        assertThat(paths.relativeUri(root.resolve("a#b?.c"))).contains("a%23b%3F.c");
        assertThat(paths.relativeUri(root.resolve("pilote/mémoire.c"))).contains("pilote/m%C3%A9moire.c");
    }

    @Test
    void colonInFirstSegmentDoesNotBecomeAScheme() {
        assertThat(paths.relativeUri(root.resolve("c:map.c"))).contains("./c:map.c");
    }

    @Test
    void filesOutsideTheRootHaveNoRelativeUri() {
        Path outside = root.resolveSibling("elsewhere/x.c");

        assertThat(paths.relativeUri(outside)).isEmpty();
        assertThat(paths.display(outside)).isEqualTo(outside.toString().replace('\\', '/'));
        assertThat(paths.absoluteUri(outside)).startsWith("file:");
    }

    @Test
    void rootUriIsAnAbsoluteFileUriEndingInSlash() {
        assertThat(paths.rootUri()).startsWith("file:/").endsWith("/bsp%20root/");
    }
}
