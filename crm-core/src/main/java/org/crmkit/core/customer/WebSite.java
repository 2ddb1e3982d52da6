package org.crmkit.core.customer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * A web site: an absolute {@code http} or {@code https} URL with a host.
 *
 * <p>Immutable and thread-safe.
 *
 * @param url the URL, not null
 */
public record WebSite(String url) {
    /**
     * Validates the URL.
     *
     * @throws IllegalArgumentException if it is not an http(s) URL with a host
     */
    public WebSite {
        Objects.requireNonNull(url, "webSite");
        url = url.strip();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("webSite is not a URL: '" + PersonalData.mask(url) + "'", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || url.length() > 2000) {
            throw new IllegalArgumentException("webSite must be an http(s) URL with a host: '" + PersonalData.mask(url) + "'");
        }
    }

    /**
     * Returns the web site.
     *
     * @param url the URL, not null
     * @return the web site, never null
     * @throws IllegalArgumentException if it is not an http(s) URL with a host
     */
    public static WebSite of(String url) {
        return new WebSite(url);
    }
}
