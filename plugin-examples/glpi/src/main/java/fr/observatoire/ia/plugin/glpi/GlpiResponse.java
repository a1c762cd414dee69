package fr.observatoire.ia.plugin.glpi;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Locale;
import java.util.Optional;

/**
 * An answer of GLPI, held only while it is read.
 *
 * @param method  HTTP method sent
 * @param uri     URL asked
 * @param status  HTTP status
 * @param headers response headers
 * @param body    response body
 */
record GlpiResponse(String method, URI uri, int status, HttpHeaders headers, byte[] body) {

    /** "GET https://glpi/apirest.php/search/Ticket": the query (criteria, paging) is left out to keep messages short. */
    String where() {
        return where(method, uri);
    }

    static String where(String method, URI uri) {
        return method + " " + uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
    }

    boolean succeeded() {
        return status == 200 || status == 206;
    }

    Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /**
     * Whether the body is JSON. A login page in front of GLPI, a reverse proxy's error page or a PHP error answer
     * HTML, often with status 200; so the first character decides, and the declared type only when it says HTML.
     */
    boolean isJson() {
        String type = header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (type.contains("html")) {
            return false;
        }
        // A GLPI plugin file saved with a UTF-8 byte order mark makes PHP print it before every answer; Jackson skips it.
        int start = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF ? 3 : 0;
        for (int i = start; i < body.length; i++) {
            if (!Character.isWhitespace(body[i])) {
                return body[i] == '{' || body[i] == '[';
            }
        }
        return false;
    }

    @Override
    public String toString() {
        // Never the body: it is GLPI's data.
        return "GlpiResponse[" + where() + " -> " + status + ", " + body.length + " bytes]";
    }
}
