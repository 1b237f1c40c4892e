package dev.cemap.analyzer.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cemap.analyzer.frontend.DecodedSource;
import dev.cemap.analyzer.frontend.SourceDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Decoding never fails, and it keeps the line structure of the bytes: reported line numbers are
 * counted in the decoded text, so a decoder that merged or split lines would move every finding.
 */
class SourceDecoderFuzzTest {

    @FuzzTest
    void decode(byte[] bytes) {
        DecodedSource decoded = SourceDecoder.decode(bytes);
        assertThat(decoded).isNotNull();
        assertThat(decoded.text()).isNotNull();
        assertThat(decoded.charset()).isNotNull();
        boolean utf16 = decoded.charset().equals(StandardCharsets.UTF_16LE)
                || decoded.charset().equals(StandardCharsets.UTF_16BE);
        if (!utf16) {
            assertThat(count(decoded.text(), '\n')).as("line feeds").isEqualTo(count(bytes, (byte) '\n'));
            assertThat(count(decoded.text(), '\r')).as("carriage returns").isEqualTo(count(bytes, (byte) '\r'));
        }
        if (decoded.fallback()) {
            // windows-1252 maps each byte to one character.
            assertThat(decoded.text()).hasSize(bytes.length);
        }
    }

    private static long count(String text, char wanted) {
        return text.chars().filter(c -> c == wanted).count();
    }

    private static long count(byte[] bytes, byte wanted) {
        long n = 0;
        for (byte b : bytes) {
            if (b == wanted) {
                n++;
            }
        }
        return n;
    }
}
