package fr.observatoire.ia.sdk.internal.transport;

import fr.observatoire.ia.sdk.InvalidConfigException;
import fr.observatoire.ia.sdk.SdkConfig;
import fr.observatoire.ia.sdk.internal.declare.SdkVersion;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.CredentialsProviderBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.ssl.SSLContextBuilder;
import org.apache.hc.core5.util.Timeout;

import javax.net.ssl.SSLContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * Apache HttpClient 5 (classic API: it only ever runs on the SDK's own sender thread, or on the caller's for an
 * enrolment), configured from {@link SdkConfig.Http}: timeouts, an HTTP proxy with Basic authentication and a
 * custom trust store. Its own retries and redirects are off: retrying is the outbox's job, and following a
 * redirect with a signed POST would send it where the configuration did not say.
 */
public final class HttpTransport implements AutoCloseable {
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final CloseableHttpClient client;

    private HttpTransport(CloseableHttpClient client) {
        this.client = client;
    }

    /** @throws InvalidConfigException naming the trust-store keys when the trust store cannot be loaded */
    public static HttpTransport create(SdkConfig.Http http) {
        PoolingHttpClientConnectionManagerBuilder connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(http.connectTimeout()))
                        .setSocketTimeout(Timeout.of(http.responseTimeout()))
                        .build());
        if (http.trustStore() != null) {
            connections.setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(trustStoreContext(http)).buildClassic());
        }
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(connections.build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(http.responseTimeout()))
                        .setConnectionRequestTimeout(Timeout.of(http.connectTimeout()))
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent(SdkVersion.NAME + "/" + SdkVersion.version());
        if (http.proxy() != null) {
            HttpHost proxy = new HttpHost(http.proxy().getScheme(), http.proxy().getHost(), http.proxy().getPort());
            builder.setProxy(proxy);
            if (http.proxyUser() != null) {
                String password = http.proxyPassword() == null ? "" : http.proxyPassword();
                builder.setDefaultCredentialsProvider(CredentialsProviderBuilder.create()
                        .add(new AuthScope(proxy), http.proxyUser(), password.toCharArray())
                        .build());
            }
        }
        return new HttpTransport(builder.build());
    }

    private static SSLContext trustStoreContext(SdkConfig.Http http) {
        Path file = http.trustStore();
        String key = SdkConfig.Keys.HTTP_TRUST_STORE;
        if (!Files.isReadable(file)) {
            throw new InvalidConfigException(key + " " + file.toAbsolutePath() + " does not exist or is not readable", null);
        }
        try {
            char[] password = http.trustStorePassword() == null ? null : http.trustStorePassword().toCharArray();
            return SSLContextBuilder.create().loadTrustMaterial(file, password).build();
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidConfigException(key + " " + file.toAbsolutePath() + " cannot be loaded as a PKCS12 trust store ("
                    + e.getMessage() + "); check the file and " + SdkConfig.Keys.HTTP_TRUST_STORE_PASSWORD, e);
        }
    }

    public HttpReply post(URI uri, String contentType, byte[] body) throws IOException {
        HttpPost post = new HttpPost(uri);
        post.setEntity(new ByteArrayEntity(body, ContentType.parse(contentType)));
        post.setHeader("Accept", "application/json, application/problem+json");
        return execute(post);
    }

    /** A GET of the observatory's public log endpoints ({@code accept}: text/plain or application/json). */
    public HttpReply get(URI uri, String accept) throws IOException {
        HttpGet get = new HttpGet(uri);
        get.setHeader("Accept", accept + ", application/problem+json");
        return execute(get);
    }

    private HttpReply execute(HttpUriRequestBase request) throws IOException {
        return client.execute(request, response -> {
            Header retryAfter = response.getFirstHeader("Retry-After");
            HttpEntity entity = response.getEntity();
            return new HttpReply(response.getCode(), entity == null ? null : entity.getContentType(),
                    retryAfter == null ? null : retryAfter.getValue(), read(entity));
        });
    }

    private static byte[] read(HttpEntity entity) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        try (InputStream in = entity.getContent()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int total = 0;
            int read;
            while ((read = in.read(buffer)) >= 0) {
                total += read;
                if (total > MAX_BODY_BYTES) {
                    throw new IOException("the observatory's answer exceeds " + MAX_BODY_BYTES + " bytes");
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        }
    }

    /** Closes at once, aborting a request in flight: used when {@code close()} runs out of time. */
    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE);
    }
}
