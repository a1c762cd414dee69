package fr.observatoire.ia.plugin.cmis;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.spi.PluginConfig;
import fr.observatoire.ia.spi.PluginException;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plugin's configuration, read and checked at start so that a mistake is reported then, naming the setting,
 * rather than at every pull. The keys are public API: see the module's README.
 *
 * @param repository     the browser-binding repository URL, without a trailing slash
 * @param mode           which API runs the query
 * @param searchUrl      Alfresco's search endpoint (used in {@link Mode#ALFRESCO_SEARCH} only)
 * @param authentication how requests authenticate
 * @param marker         what marks a document as produced or assisted by AI
 * @param folders        folder to service rules
 * @param defaultService the service of documents under no configured folder
 * @param usageId        the inventory usage counts are recorded under
 * @param action         the kind of action a document counts as
 * @param pageSize       documents asked per request
 * @param maxPages       requests one query may take before the pull gives up
 * @param timeout        time allowed for each request, from connecting to the last byte of the answer
 * @param settle         how old a document must be to count: search indexes (Alfresco's Solr) show new documents
 *                       late, and the cursor must not pass a document the index has not shown yet
 * @param since          where the first pull starts; empty for the repository's whole history
 */
record CmisSettings(URI repository, Mode mode, URI searchUrl, Authentication authentication, Marker marker,
                    List<FolderRule> folders, Service defaultService, String usageId, ActionKind action,
                    int pageSize, int maxPages, Duration timeout, Duration settle, Optional<Instant> since) {

    static final String PREFIX = "observatoire.plugins." + CmisPlugin.NAME + ".";

    private static final Pattern USAGE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /** Alfresco's CMIS and search endpoints share a prefix, tenant included: {@code /alfresco/api/<tenant>/public/}. */
    private static final Pattern ALFRESCO_CMIS = Pattern.compile("(.*/api/[^/]+/public/)cmis/versions/1\\.1/browser");

    CmisSettings {
        folders = List.copyOf(folders);
    }

    /** The full name of a setting, for messages. */
    static String key(String setting) {
        return PREFIX + setting;
    }

    static CmisSettings read(PluginConfig config) throws PluginException {
        URI repository = httpUrl("url", config.require("url"));
        Mode mode = mode(config);
        URI searchUrl = mode == Mode.ALFRESCO_SEARCH ? searchUrl(config, repository) : null;
        return new CmisSettings(repository, mode, searchUrl, Authentication.read(config), Marker.read(config),
                FolderRule.readAll(config), service(config), usageId(config), action(config),
                bounded(config, "page-size", 100, 1, 1000), bounded(config, "max-pages", 1000, 1, 1_000_000),
                duration(config, "timeout", Duration.ofSeconds(30), false), duration(config, "settle", Duration.ofMinutes(5), true),
                since(config));
    }

    private static URI httpUrl(String setting, String value) throws PluginException {
        URI uri;
        try {
            uri = new URI(value.trim().replaceAll("/+$", ""));
        } catch (java.net.URISyntaxException e) {
            throw new PluginException(key(setting) + " is not a URL: " + e.getReason());
        }
        if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null) {
            throw new PluginException(key(setting) + " must be an http or https URL such as "
                    + "https://ged.example.fr/alfresco/api/-default-/public/cmis/versions/1.1/browser");
        }
        if (uri.getRawUserInfo() != null) {
            throw new PluginException(key(setting) + " must not carry credentials: use " + key("username") + " and " + key("password"));
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new PluginException(key(setting) + " must not have a query string or a fragment");
        }
        return uri;
    }

    private static Mode mode(PluginConfig config) throws PluginException {
        Optional<String> name = config.get("mode").filter(s -> !s.isBlank());
        if (name.isEmpty()) {
            return Mode.CMIS;
        }
        return Mode.named(name.get()).orElseThrow(() -> new PluginException(
                key("mode") + " must be cmis or alfresco-search, was '" + name.get() + "'"));
    }

    private static URI searchUrl(PluginConfig config, URI repository) throws PluginException {
        Optional<String> explicit = config.get("search-url").filter(s -> !s.isBlank());
        if (explicit.isPresent()) {
            return httpUrl("search-url", explicit.get());
        }
        Matcher alfresco = ALFRESCO_CMIS.matcher(repository.toString());
        if (!alfresco.matches()) {
            throw new PluginException("mode alfresco-search needs " + key("search-url")
                    + " when " + key("url") + " is not Alfresco's .../api/-default-/public/cmis/versions/1.1/browser");
        }
        return URI.create(alfresco.group(1) + "search/versions/1/search");
    }

    private static Service service(PluginConfig config) throws PluginException {
        Optional<String> name = config.get("default-service").map(s -> s.trim().toUpperCase(Locale.ROOT));
        if (name.isEmpty()) {
            return Service.TRANSVERSAL;
        }
        try {
            return Service.valueOf(name.get());
        } catch (IllegalArgumentException e) {
            throw new PluginException(key("default-service") + " must be one of " + List.of(Service.values()) + ", was '" + name.get() + "'");
        }
    }

    private static String usageId(PluginConfig config) throws PluginException {
        String id = config.require("usage-id").trim();
        if (!USAGE_ID.matcher(id).matches()) {
            throw new PluginException(key("usage-id") + " must be the id of a usage of the inventory (lower-case letters, digits, "
                    + "'.', '_' or '-', at most 64), was '" + id + "'");
        }
        return id;
    }

    private static ActionKind action(PluginConfig config) throws PluginException {
        Optional<String> name = config.get("action").map(s -> s.trim().toUpperCase(Locale.ROOT));
        if (name.isEmpty()) {
            return ActionKind.DOCUMENT_DRAFTED;
        }
        try {
            return ActionKind.valueOf(name.get());
        } catch (IllegalArgumentException e) {
            throw new PluginException(key("action") + " must be an action kind such as DOCUMENT_DRAFTED or DOCUMENT_CLASSIFIED, was '" + name.get() + "'");
        }
    }

    private static int bounded(PluginConfig config, String setting, int fallback, int min, int max) throws PluginException {
        int value = config.integer(setting).orElse(fallback);
        if (value < min || value > max) {
            throw new PluginException(key(setting) + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    private static Duration duration(PluginConfig config, String setting, Duration fallback, boolean zeroAllowed) throws PluginException {
        Duration value = config.duration(setting).orElse(fallback);
        if (value.isNegative() || (!zeroAllowed && value.isZero())) {
            throw new PluginException(key(setting) + " must be a " + (zeroAllowed ? "non-negative" : "positive") + " duration, was " + value);
        }
        return value;
    }

    private static Optional<Instant> since(PluginConfig config) throws PluginException {
        Optional<String> value = config.get("since").map(String::trim).filter(s -> !s.isEmpty());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(value.get().length() == 10
                    ? LocalDate.parse(value.get()).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value.get()));
        } catch (DateTimeParseException e) {
            throw new PluginException(key("since") + " must be a date (2025-01-01) or an instant (2025-01-01T00:00:00Z), was '" + value.get() + "'");
        }
    }
}
