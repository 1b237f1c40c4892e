package dev.cemap.analyzer.frontend;

import java.nio.charset.Charset;

/**
 * Source bytes turned into text.
 *
 * @param text     the characters, byte-order mark removed, line ends untouched
 * @param charset  the encoding that was used
 * @param fallback true when the bytes were not valid UTF-8 and were read as windows-1252, which
 *                 never fails; only comments and strings are affected in practice
 */
public record DecodedSource(String text, Charset charset, boolean fallback) {
}
