package fr.observatoire.ia.plugin.cmis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.observatoire.ia.spi.PluginException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * JSON over HTTP with the repository, turning every failure into a {@link PluginException} that says what to do.
 * A response body never goes into a message or a cause: an error page can hold a document title or a user
 * name. Only the status, the content type and a repository error code of a known vocabulary ({@code invalidArgument})
 * are reported.
 *
 * <p>Uses the JDK's {@link HttpClient}, so the JVM's proxy settings ({@code https.proxyHost}…) and trust store
 * ({@code javax.net.ssl.trustStore}) apply.
 */
final class RepositoryHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The CMIS 1.1 exception names (browser binding {@code exception}) and Alfresco's REST error keys: nothing else is quoted. */
    private static final Pattern ERROR_CODE = Pattern.compile("constraint|contentAlreadyExists|filterNotValid|invalidArgument"
            + "|nameConstraintViolation|notSupported|objectNotFound|permissionDenied|runtime|storage|streamNotSupported"
            + "|updateConflict|versioning|framework\\.exception\\.[A-Za-z]{1,40}");

    private final HttpClient client;
    private final Authentication authentication;
    private final Duration timeout;

    RepositoryHttp(Authentication authentication, Duration timeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                // A redirect here is almost always an SSO login page: report it rather than parse the page.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.authentication = authentication;
        this.timeout = timeout;
    }

    /**
     * What a request is for, so that its failures are explained in its own terms.
     *
     * @param what       e.g. "the CMIS query"
     * @param notFound   advice when the server answers 404
     * @param badRequest advice when the server answers 400
     */
    record Purpose(String what, String notFound, String badRequest) {
    }

    Answer get(URI uri, Purpose purpose) throws PluginException {
        return send(request(uri).GET().build(), purpose);
    }

    Answer postJson(URI uri, JsonNode body, Purpose purpose) throws PluginException {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request body that cannot be written", e);
        }
        return send(request(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build(), purpose);
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
        authentication.header().ifPresent(value -> builder.header("Authorization", value));
        return builder;
    }

    private Answer send(HttpRequest request, Purpose purpose) throws PluginException {
        String source = purpose.what() + " at " + Uris.endpoint(request.uri());
        HttpResponse<byte[]> response = exchange(request, source);
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw failure(response, source, purpose);
        }
        return Answer.root(parse(response, source), source);
    }

    private HttpResponse<byte[]> exchange(HttpRequest request, String source) throws PluginException {
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            // The request timeout covers the wait for headers only; this one bounds the whole answer too.
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw PluginException.transientFailure(source + ": interrupted while waiting for the answer", null);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timedOut(source);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw timedOut(source);
            }
            if (cause instanceof IOException) {
                // JDK network exceptions name the host and the failure, never a body: safe to keep as the cause.
                throw PluginException.transientFailure(source + " cannot be reached (" + cause.getClass().getSimpleName()
                        + "): check " + CmisSettings.key("url") + ", the network and the JVM's proxy settings", cause);
            }
            throw new PluginException(source + " failed (" + (cause == null ? "unknown" : cause.getClass().getSimpleName()) + ")", false, null);
        }
    }

    private PluginException timedOut(String source) {
        return PluginException.transientFailure(source + " did not answer within " + timeout + " (" + CmisSettings.key("timeout")
                + "); the repository may be overloaded, or the page too large for it (" + CmisSettings.key("page-size") + ")", null);
    }

    private PluginException failure(HttpResponse<byte[]> response, String source, Purpose purpose) {
        int status = response.statusCode();
        String answered = source + " answered HTTP " + status + errorCode(response).map(code -> " (" + code + ")").orElse("") + ": ";
        if (status >= 300 && status < 400) {
            String target = response.headers().firstValue("Location").map(RepositoryHttp::withoutQuery).orElse("elsewhere");
            return new PluginException(answered + "it redirects to " + target + ", probably an SSO login page: point "
                    + CmisSettings.key("url") + " at an address that serves the API itself, with Basic credentials or a ticket");
        }
        return switch (status) {
            case 401 -> new PluginException(answered + authentication.advice());
            case 403 -> new PluginException(answered + "the account (" + authentication.accountSetting()
                    + ") is known but may not do this: give it read access to the documents to count");
            case 404 -> new PluginException(answered + purpose.notFound());
            case 400 -> new PluginException(answered + purpose.badRequest());
            case 408, 429, 500, 502, 503, 504 -> PluginException.transientFailure(answered
                    + "the repository is unavailable or overloaded; the pull will be tried again", null);
            default -> status >= 500
                    ? PluginException.transientFailure(answered + "the repository failed; the pull will be tried again", null)
                    : new PluginException(answered + "the request was refused; check " + CmisSettings.key("url"));
        };
    }

    private static JsonNode parse(HttpResponse<byte[]> response, String source) throws PluginException {
        byte[] body = response.body();
        String contentType = contentType(response);
        if (contentType.contains("html") || startsWith(body, '<')) {
            throw new PluginException(source + " answered an HTML page instead of JSON (" + contentType + "), probably an SSO or "
                    + "login page in front of the repository: point " + CmisSettings.key("url") + " at an address that serves "
                    + "the API itself, with Basic credentials or a ticket");
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            // Jackson's message quotes the offending text: it stays out of ours, and is not kept as the cause.
            throw new PluginException(source + " answered something that is not JSON (" + body.length + " bytes, " + contentType
                    + "): check " + CmisSettings.key("url"));
        }
        if (node == null || node.isMissingNode()) {
            throw new PluginException(source + " answered an empty body: check " + CmisSettings.key("url"));
        }
        return node;
    }

    /** The error code of a CMIS ({@code exception}) or Alfresco REST ({@code error.errorKey}) error body, when it is a known one. */
    private static Optional<String> errorCode(HttpResponse<byte[]> response) {
        if (!contentType(response).contains("json")) {
            return Optional.empty();
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            JsonNode code = body == null ? null : body.has("exception") ? body.get("exception") : body.path("error").get("errorKey");
            return code != null && code.isTextual() && ERROR_CODE.matcher(code.textValue()).matches()
                    ? Optional.of(code.textValue()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The content type for messages: a header, but the server's, so kept short and printable. */
    private static String contentType(HttpResponse<?> response) {
        String value = response.headers().firstValue("Content-Type").orElse("no content type");
        String printable = value.replaceAll("[^\\x20-\\x7E]", "?");
        return (printable.length() > 80 ? printable.substring(0, 80) : printable).toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean startsWith(byte[] body, char expected) {
        for (byte b : body) {
            if (b == (byte) 0xEF || b == (byte) 0xBB || b == (byte) 0xBF || Character.isWhitespace(b)) {
                continue; // a UTF-8 byte order mark or leading blanks
            }
            return b == expected;
        }
        return false;
    }

    private static String withoutQuery(String location) {
        int cut = location.indexOf('?');
        String target = (cut < 0 ? location : location.substring(0, cut)).replaceAll("[^\\x21-\\x7E]", "?");
        return target.length() > 200 ? target.substring(0, 200) : target;
    }
}
