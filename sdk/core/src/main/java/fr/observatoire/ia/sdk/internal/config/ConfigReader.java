package fr.observatoire.ia.sdk.internal.config;

import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.model.Identifiers;
import fr.observatoire.ia.model.PeriodKind;
import fr.observatoire.ia.sdk.InvalidConfigException;
import fr.observatoire.ia.sdk.SdkConfig;
import fr.observatoire.ia.sdk.SdkConfig.Keys;
import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads {@link SdkConfig} from MicroProfile Config (so from a properties file, the environment —
 * {@code OBSERVATOIRE_DATA_DIR} for {@code observatoire.data-dir} — and system properties, in the
 * implementation's order). Values are read as strings and parsed here, so the messages are ours and name the
 * key whatever the Config implementation; every problem is collected before failing, so one run shows them all.
 */
public final class ConfigReader {
    private final Config config;
    private final List<String> problems = new ArrayList<>();

    private ConfigReader(Config config) {
        this.config = config;
    }

    /** @throws InvalidConfigException listing every problem */
    public static SdkConfig read(Config config) {
        return new ConfigReader(config).read();
    }

    /** Just the failure policy, read leniently, so that a NOOP policy also covers a broken rest of the configuration. */
    public static SdkConfig.OnInvalidConfig policy(Config config) {
        try {
            return config.getOptionalValue(Keys.ON_INVALID_CONFIG, String.class)
                    .map(value -> SdkConfig.OnInvalidConfig.valueOf(value.trim().toUpperCase(Locale.ROOT)))
                    .orElse(SdkConfig.OnInvalidConfig.FAIL);
        } catch (RuntimeException e) {
            return SdkConfig.OnInvalidConfig.FAIL;
        }
    }

    private SdkConfig read() {
        SdkConfig.Builder builder = SdkConfig.builder();
        read(Keys.ON_INVALID_CONFIG, v -> enumValue(SdkConfig.OnInvalidConfig.class, v), builder::onInvalidConfig);
        read(Keys.ENABLED, ConfigReader::bool, builder::enabled);
        read(Keys.ENDPOINT, ConfigReader::uri, builder::endpoint);
        declarant().ifPresent(builder::declarant);
        read(Keys.DATA_DIR, ConfigReader::path, builder::dataDir);
        read(Keys.PERIOD, v -> enumValue(PeriodKind.class, v), builder::period);
        read(Keys.ZONE, ZoneId::of, builder::zone);
        read(Keys.CHECKPOINT_INTERVAL, Durations::parse, builder::checkpointInterval);
        read(Keys.PERIOD_CHECK_INTERVAL, Durations::parse, builder::periodCheckInterval);
        read(Keys.MAX_SERIES, Integer::parseInt, builder::maxSeries);
        read(Keys.SHUTDOWN_HOOK, ConfigReader::bool, builder::shutdownHook);
        read(Keys.SHUTDOWN_TIMEOUT, Durations::parse, builder::shutdownTimeout);
        read(Keys.LOG_KEY, String::trim, builder::logKey);
        builder.http(http());
        builder.retry(retry());
        if (!problems.isEmpty()) {
            // Also run the record's own checks on what did parse, so that one run lists every problem.
            try {
                builder.build();
            } catch (InvalidConfigException e) {
                List<String> keysAtFault = problems.stream().map(ConfigReader::keyOf).toList();
                e.problems().stream().filter(p -> !keysAtFault.contains(keyOf(p))).forEach(problems::add);
            }
            throw new InvalidConfigException(problems);
        }
        return builder.build();
    }

    /** The key a problem is about; the declarant's keys count as one, since they build one value. */
    private static String keyOf(String problem) {
        String key = problem.split("[ :]", 2)[0];
        return key.startsWith("observatoire.declarant") ? "observatoire.declarant" : key;
    }

    private SdkConfig.Http http() {
        SdkConfig.Http defaults = SdkConfig.Http.defaults();
        Duration connect = value(Keys.HTTP_CONNECT_TIMEOUT, Durations::parse).orElse(defaults.connectTimeout());
        Duration response = value(Keys.HTTP_RESPONSE_TIMEOUT, Durations::parse).orElse(defaults.responseTimeout());
        URI proxy = value(Keys.HTTP_PROXY, ConfigReader::uri).orElse(null);
        String user = value(Keys.HTTP_PROXY_USER, Function.identity()).orElse(null);
        String password = value(Keys.HTTP_PROXY_PASSWORD, Function.identity()).orElse(null);
        Path trustStore = value(Keys.HTTP_TRUST_STORE, ConfigReader::path).orElse(null);
        String trustStorePassword = value(Keys.HTTP_TRUST_STORE_PASSWORD, Function.identity()).orElse(null);
        return new SdkConfig.Http(connect, response, proxy, user, password, trustStore, trustStorePassword);
    }

    private SdkConfig.Retry retry() {
        SdkConfig.Retry defaults = SdkConfig.Retry.defaults();
        return new SdkConfig.Retry(
                value(Keys.RETRY_INITIAL_BACKOFF, Durations::parse).orElse(defaults.initialBackoff()),
                value(Keys.RETRY_MAX_BACKOFF, Durations::parse).orElse(defaults.maxBackoff()),
                value(Keys.RETRY_MULTIPLIER, Double::parseDouble).orElse(defaults.multiplier()));
    }

    private Optional<Declarant> declarant() {
        Optional<String> siren = value(Keys.DECLARANT_SIREN, String::trim);
        Optional<DeclarantKind> kind = value(Keys.DECLARANT_KIND, v -> enumValue(DeclarantKind.class, v));
        Optional<String> insee = value(Keys.DECLARANT_INSEE_CODE, String::trim);
        Optional<String> uai = value(Keys.DECLARANT_UAI, String::trim);
        Optional<String> name = value(Keys.DECLARANT_NAME, String::trim);
        if (siren.isEmpty() && kind.isEmpty()) {
            return Optional.empty();
        }
        if (siren.isPresent() && !Identifiers.isValidSiren(siren.get())) {
            problems.add(Keys.DECLARANT_SIREN + " '" + siren.get() + "' is not a valid SIREN: 9 digits whose Luhn key checks"
                    + " (copy it from the INSEE Sirene directory)");
            return Optional.empty();
        }
        if (siren.isEmpty()) {
            problems.add(Keys.DECLARANT_SIREN + " is required when " + Keys.DECLARANT_KIND + " is set");
            return Optional.empty();
        }
        if (kind.isEmpty()) {
            problems.add(Keys.DECLARANT_KIND + " is required: one of " + Arrays.toString(DeclarantKind.values()));
            return Optional.empty();
        }
        try {
            return Optional.of(new Declarant(kind.get(), siren.get(), insee.orElse(null), uai.orElse(null), name.orElse(null)));
        } catch (IllegalArgumentException e) {
            // The model names its fields declarant.inseeCode etc.; say which key that is.
            problems.add("observatoire.declarant (" + Keys.DECLARANT_INSEE_CODE + ", " + Keys.DECLARANT_UAI + ", "
                    + Keys.DECLARANT_NAME + "): " + e.getMessage());
            return Optional.empty();
        }
    }

    private <T> void read(String key, Function<String, T> parser, Consumer<T> setter) {
        value(key, parser).ifPresent(setter);
    }

    private <T> Optional<T> value(String key, Function<String, T> parser) {
        Optional<String> raw;
        try {
            raw = config.getOptionalValue(key, String.class);
        } catch (RuntimeException e) {
            problems.add(key + " cannot be read: " + e.getMessage());
            return Optional.empty();
        }
        if (raw.isEmpty() || raw.get().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(raw.get()));
        } catch (RuntimeException e) {
            problems.add(key + ": " + describe(raw.get(), e));
            return Optional.empty();
        }
    }

    private static String describe(String raw, RuntimeException e) {
        if (e instanceof NumberFormatException) {
            return "'" + raw + "' is not a number";
        }
        if (e instanceof DateTimeException) {
            return "'" + raw + "' is not a time zone (e.g. Europe/Paris)";
        }
        return e.getMessage();
    }

    private static boolean bool(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'" + value + "' is not a boolean: write true or false");
        };
    }

    private static URI uri(String value) {
        try {
            URI uri = new URI(value.trim());
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw new IllegalArgumentException("'" + value + "' is not an absolute URL with a host, e.g. https://observatoire.example.fr");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + value + "' is not a URL (" + e.getReason() + ")");
        }
    }

    private static Path path(String value) {
        try {
            return Path.of(value.trim());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + value + "' is not a path: " + e.getMessage());
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
