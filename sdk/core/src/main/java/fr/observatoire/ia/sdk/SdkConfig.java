package fr.observatoire.ia.sdk;

import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.model.PeriodKind;
import fr.observatoire.ia.protocol.tlog.NoteException;
import fr.observatoire.ia.protocol.tlog.NoteVerifier;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The SDK's typed configuration. Every field has a documented default and is validated when the record is
 * built: a configuration that cannot work fails here, with the key at fault named, never later at run time.
 * The keys (the constants of {@link Keys}) are public API; docs/configuration.md lists them all.
 *
 * @param enabled             {@value Keys#ENABLED}, default {@code true}. When false the SDK records nothing
 *                            and needs no other key.
 * @param onInvalidConfig     {@value Keys#ON_INVALID_CONFIG}, default {@link OnInvalidConfig#FAIL}
 * @param endpoint            {@value Keys#ENDPOINT}: the observatory's base URL, e.g.
 *                            {@code https://observatoire.example.fr}; required when enabled
 * @param declarant           {@value Keys#DECLARANT_SIREN}, {@value Keys#DECLARANT_KIND},
 *                            {@value Keys#DECLARANT_INSEE_CODE}, {@value Keys#DECLARANT_UAI},
 *                            {@value Keys#DECLARANT_NAME}: who declares; required when enabled
 * @param dataDir             {@value Keys#DATA_DIR}, default {@code ./observatoire-data}: the store, the signing
 *                            key and the pseudonymisation secret
 * @param period              {@value Keys#PERIOD}, default {@link PeriodKind#WEEK}
 * @param zone                {@value Keys#ZONE}, default {@code Europe/Paris}: the calendar periods follow
 * @param checkpointInterval  {@value Keys#CHECKPOINT_INTERVAL}, default {@code PT5S}: how often in-memory counts
 *                            are written to the store; a {@code kill -9} loses at most this much
 * @param periodCheckInterval {@value Keys#PERIOD_CHECK_INTERVAL}, default {@code PT1M}: how often the scheduler
 *                            looks for a period that has ended
 * @param maxSeries           {@value Keys#MAX_SERIES}, default 2000: distinct activity series (and, separately,
 *                            incident series) kept; beyond, counts go to an overflow reported as a loss
 * @param http                the {@code observatoire.http.*} keys
 * @param retry               the {@code observatoire.retry.*} keys
 * @param shutdownHook        {@value Keys#SHUTDOWN_HOOK}, default {@code true}: close the SDK when the JVM exits
 * @param shutdownTimeout     {@value Keys#SHUTDOWN_TIMEOUT}, default {@code PT5S}: the longest each step of
 *                            {@code close()} waits
 * @param logKey              {@value Keys#LOG_KEY}: the C2SP verifier key of the observatory's transparency log
 *                            ({@code <name>+<key id>+<base64 key>}), obtained out of band; none by default, in
 *                            which case the key the observatory gives at enrolment is kept (trust on first use).
 *                            When both exist and differ, the SDK refuses the enrolment.
 */
public record SdkConfig(boolean enabled, OnInvalidConfig onInvalidConfig, URI endpoint, Declarant declarant,
                        Path dataDir, PeriodKind period, ZoneId zone, Duration checkpointInterval,
                        Duration periodCheckInterval, int maxSeries, Http http, Retry retry, boolean shutdownHook,
                        Duration shutdownTimeout, String logKey) {

    /** The configuration keys, as read through MicroProfile Config (properties, environment, system properties). */
    public static final class Keys {
        public static final String PREFIX = "observatoire.";
        public static final String ENABLED = "observatoire.enabled";
        public static final String ON_INVALID_CONFIG = "observatoire.on-invalid-config";
        public static final String ENDPOINT = "observatoire.endpoint";
        public static final String DECLARANT_SIREN = "observatoire.declarant.siren";
        public static final String DECLARANT_KIND = "observatoire.declarant.kind";
        public static final String DECLARANT_INSEE_CODE = "observatoire.declarant.insee-code";
        public static final String DECLARANT_UAI = "observatoire.declarant.uai";
        public static final String DECLARANT_NAME = "observatoire.declarant.name";
        public static final String DATA_DIR = "observatoire.data-dir";
        public static final String PERIOD = "observatoire.period";
        public static final String ZONE = "observatoire.zone";
        public static final String CHECKPOINT_INTERVAL = "observatoire.checkpoint-interval";
        public static final String PERIOD_CHECK_INTERVAL = "observatoire.period-check-interval";
        public static final String MAX_SERIES = "observatoire.max-series";
        public static final String HTTP_CONNECT_TIMEOUT = "observatoire.http.connect-timeout";
        public static final String HTTP_RESPONSE_TIMEOUT = "observatoire.http.response-timeout";
        public static final String HTTP_PROXY = "observatoire.http.proxy";
        public static final String HTTP_PROXY_USER = "observatoire.http.proxy-user";
        public static final String HTTP_PROXY_PASSWORD = "observatoire.http.proxy-password";
        public static final String HTTP_TRUST_STORE = "observatoire.http.trust-store";
        public static final String HTTP_TRUST_STORE_PASSWORD = "observatoire.http.trust-store-password";
        public static final String RETRY_INITIAL_BACKOFF = "observatoire.retry.initial-backoff";
        public static final String RETRY_MAX_BACKOFF = "observatoire.retry.max-backoff";
        public static final String RETRY_MULTIPLIER = "observatoire.retry.multiplier";
        public static final String SHUTDOWN_HOOK = "observatoire.shutdown-hook";
        public static final String SHUTDOWN_TIMEOUT = "observatoire.shutdown-timeout";
        public static final String LOG_KEY = "observatoire.log-key";

        private Keys() {
        }
    }

    /** What {@code build()} does when the configuration is invalid or the SDK cannot start. */
    public enum OnInvalidConfig {
        /** Throw {@link InvalidConfigException}: the default, so that a mistake is seen at deployment. */
        FAIL,
        /** Log a warning and return a disabled SDK that records nothing: the host starts regardless. */
        NOOP
    }

    /**
     * HTTP settings.
     *
     * @param connectTimeout     {@value Keys#HTTP_CONNECT_TIMEOUT}, default {@code PT10S}
     * @param responseTimeout    {@value Keys#HTTP_RESPONSE_TIMEOUT}, default {@code PT30S}
     * @param proxy              {@value Keys#HTTP_PROXY}, e.g. {@code http://proxy.mairie.local:3128}; none by default
     * @param proxyUser          {@value Keys#HTTP_PROXY_USER}, for a proxy that asks for Basic authentication
     * @param proxyPassword      {@value Keys#HTTP_PROXY_PASSWORD}
     * @param trustStore         {@value Keys#HTTP_TRUST_STORE}: a PKCS12 file of trusted certificates that
     *                           <em>replaces</em> the JDK's (as {@code javax.net.ssl.trustStore} does), for a
     *                           TLS-inspecting proxy or a private CA; the JDK's by default
     * @param trustStorePassword {@value Keys#HTTP_TRUST_STORE_PASSWORD}
     */
    public record Http(Duration connectTimeout, Duration responseTimeout, URI proxy, String proxyUser,
                       String proxyPassword, Path trustStore, String trustStorePassword) {
        public static Http defaults() {
            return new Http(Duration.ofSeconds(10), Duration.ofSeconds(30), null, null, null, null, null);
        }

        /** Never shows the passwords. */
        @Override
        public String toString() {
            return "Http[connectTimeout=" + connectTimeout + ", responseTimeout=" + responseTimeout + ", proxy=" + proxy
                    + ", proxyUser=" + proxyUser + ", proxyPassword=" + (proxyPassword == null ? null : "***")
                    + ", trustStore=" + trustStore + ", trustStorePassword=" + (trustStorePassword == null ? null : "***") + "]";
        }
    }

    /**
     * Retry of declarations the observatory could not take (429, 5xx, network errors). There is no maximum
     * number of attempts: a signed declaration is never dropped, it waits.
     *
     * @param initialBackoff {@value Keys#RETRY_INITIAL_BACKOFF}, default {@code PT1S}
     * @param maxBackoff     {@value Keys#RETRY_MAX_BACKOFF}, default {@code PT5M}
     * @param multiplier     {@value Keys#RETRY_MULTIPLIER}, default 2.0: growth of the backoff per attempt
     */
    public record Retry(Duration initialBackoff, Duration maxBackoff, double multiplier) {
        public static Retry defaults() {
            return new Retry(Duration.ofSeconds(1), Duration.ofMinutes(5), 2.0);
        }
    }

    public SdkConfig {
        List<String> problems = new ArrayList<>();
        Objects.requireNonNull(onInvalidConfig, Keys.ON_INVALID_CONFIG);
        http = http == null ? Http.defaults() : http;
        retry = retry == null ? Retry.defaults() : retry;
        if (enabled) {
            // A disabled SDK needs nothing else: as in OpenTelemetry, "disabled" must never be the reason a host fails to start.
            validateEnabled(endpoint, declarant, dataDir, period, zone, problems);
            positive(checkpointInterval, Keys.CHECKPOINT_INTERVAL, problems);
            positive(periodCheckInterval, Keys.PERIOD_CHECK_INTERVAL, problems);
            positive(shutdownTimeout, Keys.SHUTDOWN_TIMEOUT, problems);
            if (maxSeries < 1) {
                problems.add(Keys.MAX_SERIES + " must be at least 1, was " + maxSeries);
            }
            validateHttp(http, problems);
            validateRetry(retry, problems);
        }
        logKey = logKey == null || logKey.isBlank() ? null : logKey.trim();
        if (enabled && logKey != null) {
            try {
                NoteVerifier.parse(logKey);
            } catch (NoteException | IllegalArgumentException e) {
                problems.add(Keys.LOG_KEY + " is not a C2SP verifier key <name>+<key id>+<base64 key> (" + e.getMessage()
                        + "): copy it as the observatory publishes it");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        if (endpoint != null) {
            endpoint = withoutTrailingSlash(endpoint);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this configuration. */
    public Builder toBuilder() {
        return new Builder().enabled(enabled).onInvalidConfig(onInvalidConfig).endpoint(endpoint).declarant(declarant)
                .dataDir(dataDir).period(period).zone(zone).checkpointInterval(checkpointInterval)
                .periodCheckInterval(periodCheckInterval).maxSeries(maxSeries).http(http).retry(retry)
                .shutdownHook(shutdownHook).shutdownTimeout(shutdownTimeout).logKey(logKey);
    }

    private static void validateEnabled(URI endpoint, Declarant declarant, Path dataDir, PeriodKind period, ZoneId zone,
                                        List<String> problems) {
        if (endpoint == null) {
            problems.add(Keys.ENDPOINT + " is required: the observatory's base URL, e.g. https://observatoire.example.fr");
        } else {
            String scheme = endpoint.getScheme();
            if (!endpoint.isAbsolute() || endpoint.getHost() == null || !("https".equals(scheme) || "http".equals(scheme))) {
                problems.add(Keys.ENDPOINT + " must be an absolute http(s) URL with a host, e.g. https://observatoire.example.fr; was '"
                        + endpoint + "'");
            } else if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
                problems.add(Keys.ENDPOINT + " is a base URL and takes no query or fragment; was '" + endpoint + "'");
            }
        }
        if (declarant == null) {
            problems.add(Keys.DECLARANT_SIREN + " and " + Keys.DECLARANT_KIND + " are required: who declares");
        }
        if (dataDir == null) {
            problems.add(Keys.DATA_DIR + " is required");
        }
        if (period == null) {
            problems.add(Keys.PERIOD + " is required (WEEK or MONTH)");
        }
        if (zone == null) {
            problems.add(Keys.ZONE + " is required (e.g. Europe/Paris)");
        }
    }

    private static void validateHttp(Http http, List<String> problems) {
        positive(http.connectTimeout(), Keys.HTTP_CONNECT_TIMEOUT, problems);
        positive(http.responseTimeout(), Keys.HTTP_RESPONSE_TIMEOUT, problems);
        URI proxy = http.proxy();
        if (proxy != null && (!"http".equals(proxy.getScheme()) || proxy.getHost() == null || proxy.getPort() < 1)) {
            problems.add(Keys.HTTP_PROXY + " must be http://host:port (an HTTP proxy, port included); was '" + proxy + "'");
        }
        if (http.proxyUser() != null && proxy == null) {
            problems.add(Keys.HTTP_PROXY_USER + " is set but " + Keys.HTTP_PROXY + " is not: set the proxy, or remove the user");
        }
        if (http.proxyPassword() != null && http.proxyUser() == null) {
            problems.add(Keys.HTTP_PROXY_PASSWORD + " is set but " + Keys.HTTP_PROXY_USER + " is not");
        }
        if (http.trustStorePassword() != null && http.trustStore() == null) {
            problems.add(Keys.HTTP_TRUST_STORE_PASSWORD + " is set but " + Keys.HTTP_TRUST_STORE + " is not");
        }
    }

    private static void validateRetry(Retry retry, List<String> problems) {
        positive(retry.initialBackoff(), Keys.RETRY_INITIAL_BACKOFF, problems);
        positive(retry.maxBackoff(), Keys.RETRY_MAX_BACKOFF, problems);
        if (retry.initialBackoff() != null && retry.maxBackoff() != null && retry.maxBackoff().compareTo(retry.initialBackoff()) < 0) {
            problems.add(Keys.RETRY_MAX_BACKOFF + " (" + retry.maxBackoff() + ") must not be shorter than "
                    + Keys.RETRY_INITIAL_BACKOFF + " (" + retry.initialBackoff() + ")");
        }
        if (!(retry.multiplier() >= 1.0) || Double.isInfinite(retry.multiplier())) {
            problems.add(Keys.RETRY_MULTIPLIER + " must be a number >= 1.0, was " + retry.multiplier());
        }
    }

    private static void positive(Duration value, String key, List<String> problems) {
        if (value == null || value.isNegative() || value.isZero()) {
            problems.add(key + " must be a positive duration (e.g. PT5S or 5s), was " + value);
        }
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }

    /** Builds a {@link SdkConfig}; every setter has the default documented on the record. */
    public static final class Builder {
        private boolean enabled = true;
        private OnInvalidConfig onInvalidConfig = OnInvalidConfig.FAIL;
        private URI endpoint;
        private Declarant declarant;
        private Path dataDir = Path.of("observatoire-data");
        private PeriodKind period = PeriodKind.WEEK;
        private ZoneId zone = ZoneId.of("Europe/Paris");
        private Duration checkpointInterval = Duration.ofSeconds(5);
        private Duration periodCheckInterval = Duration.ofMinutes(1);
        private int maxSeries = 2000;
        private Http http = Http.defaults();
        private Retry retry = Retry.defaults();
        private boolean shutdownHook = true;
        private Duration shutdownTimeout = Duration.ofSeconds(5);
        private String logKey;

        private Builder() {
        }

        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        public Builder onInvalidConfig(OnInvalidConfig policy) {
            this.onInvalidConfig = Objects.requireNonNull(policy, "onInvalidConfig");
            return this;
        }

        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        public Builder declarant(Declarant declarant) {
            this.declarant = declarant;
            return this;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder period(PeriodKind period) {
            this.period = period;
            return this;
        }

        public Builder zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        public Builder checkpointInterval(Duration interval) {
            this.checkpointInterval = interval;
            return this;
        }

        public Builder periodCheckInterval(Duration interval) {
            this.periodCheckInterval = interval;
            return this;
        }

        public Builder maxSeries(int maxSeries) {
            this.maxSeries = maxSeries;
            return this;
        }

        public Builder http(Http http) {
            this.http = http;
            return this;
        }

        public Builder retry(Retry retry) {
            this.retry = retry;
            return this;
        }

        public Builder shutdownHook(boolean shutdownHook) {
            this.shutdownHook = shutdownHook;
            return this;
        }

        public Builder shutdownTimeout(Duration timeout) {
            this.shutdownTimeout = timeout;
            return this;
        }

        /** Pins the observatory's log key (a C2SP verifier key); null to keep the one given at enrolment. */
        public Builder logKey(String vkey) {
            this.logKey = vkey;
            return this;
        }

        /** The failure policy set so far, which applies even when {@link #build()} fails. */
        OnInvalidConfig onInvalidConfigPolicy() {
            return onInvalidConfig;
        }

        /** @throws InvalidConfigException listing every problem, each with its key */
        public SdkConfig build() {
            return new SdkConfig(enabled, onInvalidConfig, endpoint, declarant, dataDir, period, zone, checkpointInterval,
                    periodCheckInterval, maxSeries, http, retry, shutdownHook, shutdownTimeout, logKey);
        }
    }
}
