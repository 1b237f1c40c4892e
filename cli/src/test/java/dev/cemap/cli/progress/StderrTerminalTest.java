package dev.cemap.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StderrTerminalTest {

    private static final Map<String, String> XTERM = Map.of("TERM", "xterm-256color");

    @Test
    void aPseudoTerminalIsATerminal() {
        assertThat(StderrTerminal.decide(XTERM, Optional.of("/dev/pts/3"), false)).isTrue();
        assertThat(StderrTerminal.decide(XTERM, Optional.of("/dev/tty1"), false)).isTrue();
    }

    @Test
    void pipesFilesAndNullAreNot() {
        assertThat(StderrTerminal.decide(XTERM, Optional.of("pipe:[48213]"), true)).isFalse();
        assertThat(StderrTerminal.decide(XTERM, Optional.of("/home/ci/build.log"), true)).isFalse();
        assertThat(StderrTerminal.decide(XTERM, Optional.of("/dev/null"), true)).isFalse();
    }

    @Test
    void withoutProcTheConsoleDecides() {
        assertThat(StderrTerminal.decide(XTERM, Optional.empty(), true)).isTrue();
        assertThat(StderrTerminal.decide(XTERM, Optional.empty(), false)).isFalse();
    }

    @Test
    void aDumbTerminalCannotRedrawABar() {
        assertThat(StderrTerminal.decide(Map.of("TERM", "dumb"), Optional.of("/dev/pts/0"), true)).isFalse();
    }
}
