package dev.cemap.analyzer.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MsvcLineSplicesTest {

    @Test
    void aBackslashSeparatedFromTheLineEndBySpacesBecomesASpace() {
        assertThat(MsvcLineSplices.unjoinSpacedSplices("REG8 X; // read & write\\   \n};\n"))
                .isEqualTo("REG8 X; // read & write    \n};\n");
        assertThat(MsvcLineSplices.unjoinSpacedSplices("// a\\\t \r\n};\r\n")).isEqualTo("// a \t \r\n};\r\n");
    }

    @Test
    void aBackslashDirectlyBeforeTheLineEndStillJoins() {
        String text = "#define MAP(pa) \\\n    MmMapIoSpace((pa), 0x1000, FALSE)\r\n#define X \\\r\n 1\n";
        assertThat(MsvcLineSplices.unjoinSpacedSplices(text)).isSameAs(text);
    }

    @Test
    void backslashesInsideALineOrAtTheEndOfTheFileStay() {
        String text = "char sep = '\\\\'; LPCWSTR path = L\"\\\\Windows\\\\ \"; // C:\\ dir\\  ";
        assertThat(MsvcLineSplices.unjoinSpacedSplices(text)).isSameAs(text);
    }
}
