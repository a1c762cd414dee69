package fr.observatoire.ia.plugin.squid;

import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.spi.PluginConfig;
import fr.observatoire.ia.spi.PluginException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The plugin's configuration, read and checked once at start so that a mistake stops the plugin with a message
 * naming the key, instead of failing on every pull.
 *
 * @param log       {@code observatoire.plugins.squid.log}: Squid's access.log (plain or gzip); required
 * @param catalogue the built-in catalogue, extended by {@code observatoire.plugins.squid.catalogue} if set
 * @param subnets   {@code observatoire.plugins.squid.subnets} if set, with {@code default-service} for the rest
 */
record SquidSettings(Path log, AiServiceCatalogue catalogue, SubnetServiceMap subnets) {
    static final String PREFIX = "observatoire.plugins." + SquidPlugin.NAME + ".";
    static final String LOG = "log";
    static final String CATALOGUE = "catalogue";
    static final String SUBNETS = "subnets";
    static final String DEFAULT_SERVICE = "default-service";
    /** IPv4 and IPv6 literals, as a subnet file quotes them. */
    private static final Pattern ADDRESS = Pattern.compile("\\b\\d{1,3}(?:\\.\\d{1,3}){3}\\b|\\b[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}\\b");

    static SquidSettings read(PluginConfig config) throws PluginException {
        Path log = path(LOG, config.require(LOG));
        if (!Files.isRegularFile(log) || !Files.isReadable(log)) {
            throw new PluginException(PREFIX + LOG + ": " + log + " is not a readable file (user "
                    + System.getProperty("user.name") + "); point it at Squid's access.log, e.g. /var/log/squid/access.log");
        }
        Service defaultService = defaultService(config.get(DEFAULT_SERVICE));
        AiServiceCatalogue catalogue = AiServiceCatalogue.builtIn();
        Optional<String> extra = config.get(CATALOGUE).filter(v -> !v.isBlank());
        if (extra.isPresent()) {
            catalogue = load(CATALOGUE, path(CATALOGUE, extra.get()), catalogue::extendedWith);
        }
        SubnetServiceMap subnets = SubnetServiceMap.of(defaultService);
        Optional<String> subnetFile = config.get(SUBNETS).filter(v -> !v.isBlank());
        if (subnetFile.isPresent()) {
            subnets = load(SUBNETS, path(SUBNETS, subnetFile.get()), file -> SubnetServiceMap.load(file, defaultService));
        }
        return new SquidSettings(log, catalogue, subnets);
    }

    private static Service defaultService(Optional<String> value) throws PluginException {
        if (value.isEmpty() || value.get().isBlank()) {
            return Service.TRANSVERSAL;
        }
        try {
            return Service.valueOf(value.get().trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new PluginException(PREFIX + DEFAULT_SERVICE + ": '" + value.get() + "' is not one of "
                    + Arrays.toString(Service.values()));
        }
    }

    private static Path path(String key, String value) throws PluginException {
        try {
            return Path.of(value.trim());
        } catch (InvalidPathException e) {
            throw new PluginException(PREFIX + key + ": '" + value + "' is not a path (" + e.getReason() + ")");
        }
    }

    /** Reads a configuration file, turning its I/O and syntax errors into one message naming the key. */
    private static <T> T load(String key, Path file, FileLoader<T> loader) throws PluginException {
        try {
            return loader.load(file);
        } catch (IOException e) {
            throw new PluginException(PREFIX + key + ": cannot read " + file + " (" + e.getMessage() + ")");
        } catch (SquidConfigException e) {
            // The message leaves in the declaration's provenance: the file and line are enough to find the mistake,
            // the collectivité's addressing plan stays home.
            throw new PluginException(PREFIX + key + ": " + ADDRESS.matcher(e.getMessage()).replaceAll("…"));
        }
    }

    @FunctionalInterface
    private interface FileLoader<T> {
        T load(Path file) throws IOException;
    }
}
