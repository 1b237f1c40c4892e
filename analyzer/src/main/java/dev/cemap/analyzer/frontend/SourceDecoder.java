package dev.cemap.analyzer.frontend;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes driver sources. CE trees mix encodings: most files are ASCII, some have UTF-8, GBK or
 * EUC-KR comments, a few are UTF-16 with a byte-order mark. A BOM decides; otherwise strict UTF-8;
 * otherwise windows-1252, which maps every byte to one character, so multi-byte Asian comments
 * become harmless mojibake of the same line structure instead of a failure.
 */
public final class SourceDecoder {

    /** windows-1252 is always present in the JDK's charsets. */
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private SourceDecoder() {
    }

    public static DecodedSource decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new DecodedSource(lenient(bytes, 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8, false);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new DecodedSource(lenient(bytes, 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE, false);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new DecodedSource(lenient(bytes, 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE, false);
        }
        try {
            return new DecodedSource(strictUtf8(bytes), StandardCharsets.UTF_8, false);
        } catch (CharacterCodingException notUtf8) {
            return new DecodedSource(lenient(bytes, 0, WINDOWS_1252), WINDOWS_1252, true);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
        return chars.toString();
    }

    /** Replaces what cannot be decoded; a BOM-marked file is trusted to be mostly right. */
    private static String lenient(byte[] bytes, int skip, Charset charset) {
        return new String(bytes, skip, bytes.length - skip, charset);
    }
}
