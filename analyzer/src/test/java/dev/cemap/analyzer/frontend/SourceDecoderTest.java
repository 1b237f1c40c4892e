package dev.cemap.analyzer.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceDecoderTest {

    @Test
    void plainUtf8IsUtf8() {
        DecodedSource decoded = SourceDecoder.decode("// café\r\nint x;\r\n".getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(decoded.fallback()).isFalse();
        assertThat(decoded.text()).isEqualTo("// café\r\nint x;\r\n");
    }

    @Test
    void aUtf8ByteOrderMarkIsRemoved() {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'i', 'n', 't'};

        assertThat(SourceDecoder.decode(bytes).text()).isEqualTo("int");
    }

    @Test
    void utf16WithByteOrderMarksIsDecoded() {
        byte[] little = "\uFEFFint x;\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] big = "\uFEFFint y;\r\n".getBytes(StandardCharsets.UTF_16BE);

        assertThat(SourceDecoder.decode(little).charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(SourceDecoder.decode(little).text()).isEqualTo("int x;\r\n");
        assertThat(SourceDecoder.decode(big).charset()).isEqualTo(StandardCharsets.UTF_16BE);
        assertThat(SourceDecoder.decode(big).text()).isEqualTo("int y;\r\n");
    }

    @Test
    void gbkAndEucKrCommentsFallBackToWindows1252WithoutLosingLines() {
        for (String charset : new String[] {"GBK", "EUC-KR"}) {
            byte[] bytes = ("// 注释 주석\r\nint x;\r\n").getBytes(Charset.forName(charset));

            DecodedSource decoded = SourceDecoder.decode(bytes);

            assertThat(decoded.fallback()).isTrue();
            assertThat(decoded.charset()).isEqualTo(SourceDecoder.WINDOWS_1252);
            assertThat(decoded.text()).hasSize(bytes.length).endsWith("\r\nint x;\r\n");
        }
    }
}
