package fr.observatoire.ia.plugin.glpi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import fr.observatoire.ia.spi.PluginException;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JDK HTTP client, and what each way GLPI can fail means for the person who configured it. Messages hold the
 * method, the URL without its query, the status and GLPI's error code; never a body, never a token (tokens travel
 * in headers, not in URLs).
 */
final class GlpiHttp {
    /** A page of 500 tickets is a few hundred kilobytes; more is not a GLPI answer the plugin wants to hold. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final HttpClient client;
    private final Duration timeout;

    GlpiHttp(Duration timeout) {
        this.timeout = timeout;
        // HTTP/1.1: no h2c upgrade attempt, which some PHP front ends and proxies mishandle. The JVM's proxy
        // settings (https.proxyHost…) apply. Redirects are not followed: for an API, one means a login page.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .proxy(ProxySelector.getDefault())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    GlpiResponse get(URI uri, Map<String, String> headers) throws PluginException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        headers.forEach(request::header);
        return send(request, "GET", uri);
    }

    GlpiResponse postForm(URI uri, Map<String, String> form) throws PluginException {
        String body = query(form);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(request, "POST", uri);
    }

    /** A query string, in the parameters' order, encoded as PHP decodes it. */
    static String query(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** Query-string encoding that PHP decodes: spaces as %20, brackets escaped (java.net.URI refuses raw ones). */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A non-blank string field of the JSON object a successful answer holds ({@code session_token}, {@code access_token}). */
    static String stringField(GlpiResponse response, byte[] json, String name) throws PluginException {
        Scalar value;
        try (JsonParser parser = JsonRows.JSON.createParser(json)) {
            value = parser.nextToken() == JsonToken.START_OBJECT
                    ? JsonRows.readObject(parser, Set.of(name)).get(name) : null;
        } catch (IOException e) {
            throw malformed(response);
        }
        if (value == null || value.token() != JsonToken.VALUE_STRING || value.text().isBlank()) {
            throw RowSchema.unexpected(response.where(), "no " + name + " in the answer");
        }
        return value.text();
    }

    private GlpiResponse send(HttpRequest.Builder builder, String method, URI uri) throws PluginException {
        String where = GlpiResponse.where(method, uri);
        try {
            HttpResponse<InputStream> response = client.send(builder.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            if (body.length > MAX_BODY_BYTES) {
                throw new PluginException("GLPI's answer to " + where + " is larger than " + (MAX_BODY_BYTES >> 20)
                        + " MiB; lower '" + ConfigSyntax.PREFIX + GlpiSettings.PAGE_SIZE + "'");
            }
            return new GlpiResponse(method, uri, response.statusCode(), response.headers(), body);
        } catch (HttpTimeoutException e) {
            throw PluginException.transientFailure("GLPI did not answer " + where + " within " + timeout
                    + "; if GLPI is just slow, raise '" + ConfigSyntax.PREFIX + GlpiSettings.TIMEOUT + "'", e);
        } catch (ConnectException e) {
            throw PluginException.transientFailure("cannot connect to " + uri.getRawAuthority() + " for " + where
                    + ": is GLPI up, is '" + ConfigSyntax.PREFIX + GlpiSettings.URL + "' right, does this host need the JVM's"
                    + " proxy settings (https.proxyHost, https.proxyPort)?", e);
        } catch (IOException e) {
            throw PluginException.transientFailure("the connection to GLPI failed during " + where + " ("
                    + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PluginException.transientFailure("interrupted while waiting for GLPI (" + where + ")", e);
        }
    }

    /**
     * The JSON body of a successful answer, or the failure the answer means.
     *
     * @param credentialsHint what to check when GLPI refuses the credentials (401, 403)
     */
    static byte[] json(GlpiResponse response, String credentialsHint) throws PluginException {
        if (!response.succeeded()) {
            throw failure(response, credentialsHint);
        }
        if (!response.isJson()) {
            throw new PluginException("GLPI answered " + response.where() + " with something that is not JSON (HTTP "
                    + response.status() + ", " + response.header("Content-Type").orElse("no content type")
                    + "), usually an HTML login or error page: check that '" + ConfigSyntax.PREFIX + GlpiSettings.URL
                    + "' is GLPI's root and that no SSO or reverse proxy page stands in front of its API");
        }
        return response.body();
    }

    /** "GLPI answered GET https://glpi/apirest.php/initSession with HTTP 401 ERROR_GLPI_LOGIN_USER_TOKEN". */
    static String answered(GlpiResponse response) {
        return "GLPI answered " + response.where() + " with HTTP " + response.status()
                + ErrorCodes.of(response).map(c -> " " + c).orElse("");
    }

    /** A body that does not parse; the parser's own message is left out, as it quotes the body. */
    static PluginException malformed(GlpiResponse response) {
        return new PluginException("GLPI's answer to " + response.where() + " is not valid JSON (HTTP " + response.status()
                + ", " + response.body().length + " bytes): a proxy may have cut or altered it");
    }

    /**
     * Like {@link #json} for a login (initSession, OAuth2 token), where a 400 is about credentials too: GLPI answers
     * it for a wrong App-Token or a host the API client does not accept, OAuth2 for a wrong password or scope.
     */
    static byte[] loginJson(GlpiResponse response, String credentialsHint) throws PluginException {
        if (response.status() == 400) {
            throw new PluginException(answered(response) + ": " + credentialsHint);
        }
        return json(response, credentialsHint);
    }

    static PluginException failure(GlpiResponse response, String credentialsHint) {
        int status = response.status();
        Optional<String> code = ErrorCodes.of(response);
        String answered = answered(response);
        if (status == 401 || status == 403) {
            return new PluginException(answered + ": " + credentialsHint);
        }
        if (status >= 300 && status < 400) {
            return new PluginException(answered + " (a redirection" + response.header("Location").map(l -> " to "
                    + hostOf(l)).orElse("") + "): a login page or an HTTPS redirect stands in front of the API;"
                    + " set '" + ConfigSyntax.PREFIX + GlpiSettings.URL + "' to the address the API answers on");
        }
        if (status == 404) {
            return new PluginException(answered + ": no GLPI API there; check that '" + ConfigSyntax.PREFIX + GlpiSettings.URL
                    + "' is GLPI's root, that the API is enabled (Setup > General > API), and that '"
                    + ConfigSyntax.PREFIX + GlpiSettings.API + "=v2' is used with GLPI 11 only");
        }
        if (code.filter("ERROR_RANGE_EXCEED_TOTAL"::equals).isPresent()) {
            return PluginException.transientFailure(answered + ": tickets were removed while the plugin was paging;"
                    + " the pull will be retried", null);
        }
        if (status == 408 || status == 429 || status >= 500) {
            return PluginException.transientFailure(answered + ": GLPI, its database or a proxy in front of it failed;"
                    + " the pull will be retried", null);
        }
        return new PluginException(answered + ": GLPI refused the request; check the category ids in '"
                + ConfigSyntax.PREFIX + "categories.*' and GLPI's API logs");
    }

    private static String hostOf(String location) {
        try {
            URI uri = URI.create(location);
            return uri.getHost() == null ? "another page" : uri.getHost();
        } catch (IllegalArgumentException e) {
            return "another page";
        }
    }
}
