package dev.cemap.cli.output;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the rule reference is published, when the user says so ({@code docs-url} in the
 * configuration, {@code --docs-url}): each rule's SARIF {@code helpUri} and the link that
 * {@code cemap explain} prints. cemap never makes one up: without a configured URL there is none.
 *
 * <p>{@code {rule}} in the URL stands for the rule id (a page per rule); without it, the rule id
 * is appended as the fragment, which is the heading anchor of the rule in {@code docs/rules.md}.
 */
public final class RuleDocs {

    public static final RuleDocs NONE = new RuleDocs(null);
    static final String RULE_PLACEHOLDER = "{rule}";

    private final String url;

    private RuleDocs(String url) {
        this.url = url;
    }

    /**
     * @throws IllegalArgumentException when the URL is not an absolute http(s) URL, or has a
     *                                  fragment of its own while the rule id would be appended as one
     */
    public static RuleDocs at(String url) {
        String trimmed = url.strip();
        URI uri;
        try {
            uri = new URI(trimmed.replace(RULE_PLACEHOLDER, "rule-id"));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new IllegalArgumentException("expected an absolute http or https URL");
        }
        if (!trimmed.contains(RULE_PLACEHOLDER) && uri.getFragment() != null) {
            throw new IllegalArgumentException("the URL has a fragment ('#…'); cemap appends '#rule-id' itself, "
                    + "or write " + RULE_PLACEHOLDER + " where the rule id goes");
        }
        return new RuleDocs(trimmed);
    }

    public Optional<String> forRule(String ruleId) {
        if (url == null) {
            return Optional.empty();
        }
        return Optional.of(url.contains(RULE_PLACEHOLDER) ? url.replace(RULE_PLACEHOLDER, ruleId) : url + "#" + ruleId);
    }
}
