package fr.observatoire.ia.plugin.cmis;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/** Building request URLs, with every part percent-encoded (a query and a folder path hold spaces, quotes, accents). */
final class Uris {
    private Uris() {
    }

    /** The URL with these parameters, in their map's order. */
    static URI withQuery(String base, Map<String, String> parameters) {
        StringJoiner query = new StringJoiner("&");
        parameters.forEach((name, value) -> query.add(encode(name) + "=" + encode(value)));
        return URI.create(base + "?" + query);
    }

    /** A repository path ({@code /Sites/État civil}) with each segment encoded, slashes kept. */
    static String encodePath(String path) {
        StringBuilder encoded = new StringBuilder(path.length() + 16);
        for (String segment : path.split("/", -1)) {
            if (encoded.length() > 0 || !segment.isEmpty()) {
                encoded.append('/').append(encode(segment));
            }
        }
        return encoded.toString();
    }

    /** Scheme, host, port and path only: what messages show, without the query string. */
    static String endpoint(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private static String encode(String text) {
        // URLEncoder writes form encoding; a space must be %20 in a query string read as a URI.
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
