package fr.observatoire.ia.plugin.glpi;

import fr.observatoire.ia.spi.PluginConfig;
import fr.observatoire.ia.spi.PluginException;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * The plugin's configuration, read once at start from the keys under {@code observatoire.plugins.glpi.}.
 * Secrets print as {@code ****}, so this record can be logged.
 *
 * @param root        GLPI's root URL (the folder holding {@code apirest.php} and {@code api.php}), ending in '/'
 * @param credentials how to authenticate, which also picks the API
 * @param categories  the ITIL categories read and what they mean
 * @param severity    how an incident's severity is read
 * @param entities    which service a ticket's entity is
 * @param pageSize    tickets asked per request
 * @param timeout     connection and request timeout
 * @param settleDelay how long after its opening a ticket is counted (see {@link Window})
 * @param zone        the time zone GLPI's dates are written in
 * @param since       where the first pull starts; empty: at the first pull
 */
record GlpiSettings(URI root, Credentials credentials, CategoryMap categories, SeverityRule severity,
                    EntityServices entities, int pageSize, Duration timeout, Duration settleDelay, ZoneId zone,
                    Optional<LocalDateTime> since) {
    static final String URL = "url";
    static final String API = "api";
    static final String APP_TOKEN = "app-token";
    static final String USER_TOKEN = "user-token";
    static final String CLIENT_ID = "client-id";
    static final String CLIENT_SECRET = "client-secret";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String PAGE_SIZE = "page-size";
    static final String TIMEOUT = "timeout";
    static final String SETTLE_DELAY = "settle-delay";
    static final String TIMEZONE = "timezone";
    static final String SINCE = "since";

    static final int DEFAULT_PAGE_SIZE = 50;
    /** GLPI answers bigger pages, but a page is held in memory while it is read. */
    static final int MAX_PAGE_SIZE = 500;
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    static final Duration DEFAULT_SETTLE_DELAY = Duration.ofHours(24);
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Paris");

    enum Api { LEGACY, V2 }

    static GlpiSettings from(PluginConfig config) throws PluginException {
        Api api = config.get(API).isPresent() ? ConfigSyntax.enumValue(Api.class, API, config.get(API).get()) : Api.LEGACY;
        return new GlpiSettings(
                root(config.require(URL)),
                api == Api.LEGACY ? userToken(config) : oauth(config),
                CategoryMap.from(config),
                SeverityRule.from(config),
                EntityServices.from(config),
                config.get(PAGE_SIZE).isPresent()
                        ? ConfigSyntax.intIn(PAGE_SIZE, config.get(PAGE_SIZE).get(), 1, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE,
                positive(TIMEOUT, config.duration(TIMEOUT).orElse(DEFAULT_TIMEOUT)),
                notNegative(SETTLE_DELAY, config.duration(SETTLE_DELAY).orElse(DEFAULT_SETTLE_DELAY)),
                zone(config),
                since(config));
    }

    /** The root URL, forgiving a pasted API URL ({@code …/apirest.php}) and a missing final '/'. */
    private static URI root(String text) throws PluginException {
        String url = text.trim().replaceAll("/+$", "").replaceAll("/(apirest|api)\\.php$", "");
        try {
            URI uri = new URI(url + "/");
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getRawQuery() == null
                    && uri.getRawUserInfo() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // worded below
        }
        throw new PluginException("'" + ConfigSyntax.PREFIX + URL + "' must be GLPI's root URL, e.g. https://glpi.mairie.example/"
                + " (http or https, no query, no user:password), was '" + text.trim() + "'");
    }

    private static Credentials userToken(PluginConfig config) throws PluginException {
        return new Credentials.UserToken(new Secret(config.require(USER_TOKEN).trim()),
                config.get(APP_TOKEN).filter(s -> !s.isBlank()).map(s -> new Secret(s.trim())));
    }

    private static Credentials oauth(PluginConfig config) throws PluginException {
        return new Credentials.OAuthPassword(config.require(CLIENT_ID).trim(), new Secret(config.require(CLIENT_SECRET).trim()),
                config.require(USERNAME).trim(), new Secret(config.require(PASSWORD)));
    }

    private static Duration positive(String key, Duration value) throws PluginException {
        if (value.isNegative() || value.isZero()) {
            throw new PluginException("'" + ConfigSyntax.PREFIX + key + "' must be a positive duration, e.g. PT30S");
        }
        return value;
    }

    private static Duration notNegative(String key, Duration value) throws PluginException {
        if (value.isNegative()) {
            throw new PluginException("'" + ConfigSyntax.PREFIX + key + "' must not be negative, e.g. PT24H or PT0S");
        }
        return value;
    }

    private static ZoneId zone(PluginConfig config) throws PluginException {
        Optional<String> text = config.get(TIMEZONE);
        try {
            return text.isPresent() ? ZoneId.of(text.get().trim()) : DEFAULT_ZONE;
        } catch (DateTimeException e) {
            throw new PluginException("'" + ConfigSyntax.PREFIX + TIMEZONE + "' must be a time zone id such as Europe/Paris or "
                    + "America/Cayenne, was '" + text.get().trim() + "'");
        }
    }

    /** {@code since} is a date (midnight) or a local date-time, in GLPI's time zone. */
    private static Optional<LocalDateTime> since(PluginConfig config) throws PluginException {
        Optional<String> text = config.get(SINCE).map(String::trim).filter(s -> !s.isEmpty());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(text.get().length() == 10
                    ? LocalDate.parse(text.get()).atStartOfDay()
                    : LocalDateTime.parse(text.get()));
        } catch (DateTimeException e) {
            throw new PluginException("'" + ConfigSyntax.PREFIX + SINCE + "' must be a date such as 2025-01-06 or a date-time such as "
                    + "2025-01-06T08:00:00, was '" + text.get() + "'");
        }
    }
}
