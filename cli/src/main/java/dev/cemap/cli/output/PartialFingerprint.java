package dev.cemap.cli.output;

import dev.cemap.rules.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity code scanning uses to track one alert across commits. It deliberately leaves out
 * line numbers: the finding's own fingerprint is location-independent, so an alert survives
 * edits elsewhere in the file.
 */
public final class PartialFingerprint {

    /** Bump the version when the inputs change, so old and new alerts are not confused. */
    public static final String KEY = "cemap/v1";

    private PartialFingerprint() {
    }

    /** Hex SHA-256 of rule id, relative path and the finding's fingerprint, NUL-separated. */
    static String of(Finding finding, String relativePath) {
        String identity = String.join("\0", finding.ruleId(), relativePath, identityWithinFile(finding));
        return HexFormat.of().formatHex(sha256(identity.getBytes(StandardCharsets.UTF_8)));
    }

    private static String identityWithinFile(Finding finding) {
        String fingerprint = finding.fingerprint();
        if (fingerprint != null && !fingerprint.isBlank()) {
            return fingerprint;
        }
        // Without a fingerprint, the position and message at least keep distinct findings apart.
        return finding.location().line() + ":" + finding.location().column() + ":" + finding.message();
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
