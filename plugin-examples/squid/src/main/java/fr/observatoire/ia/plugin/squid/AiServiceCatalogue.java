package fr.observatoire.ia.plugin.squid;

import fr.observatoire.ia.model.Governance;
import fr.observatoire.ia.model.Hosting;
import fr.observatoire.ia.model.Purpose;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The versioned catalogue of public AI services and the domains they answer on; immutable, thread-safe.
 *
 * <p>The built-in catalogue is the resource {@code ai-services.txt} next to this class (its header documents
 * the format and where the domains come from). A collectivité extends or overrides it with a file of the same
 * format ({@link #extendedWith(Path)}): its services replace those with the same id, take over the domains
 * they list, and {@code @remove id} drops one.
 *
 * <p>Matching ({@link #find(String)}): a host matches a domain when it equals it or ends with "." + the domain,
 * so {@code chat.openai.com} is ChatGPT and {@code evil-chatgpt.com} is nothing; the longest matching domain
 * wins. A lookup costs one hash probe per label of the host, never a scan of the catalogue.
 */
public final class AiServiceCatalogue {
    static final String BUILT_IN_RESOURCE = "ai-services.txt";

    private final String version;
    private final List<String> sources;
    private final List<AiService> services;
    private final Map<String, AiService> byId;
    private final Map<String, AiService> byDomain;
    private final int minLabels;
    private final int maxLabels;

    private AiServiceCatalogue(String version, List<String> sources, List<AiService> services) {
        this.version = version;
        this.sources = List.copyOf(sources);
        this.services = List.copyOf(services);
        Map<String, AiService> ids = new LinkedHashMap<>();
        Map<String, AiService> domains = new HashMap<>();
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (AiService service : this.services) {
            ids.put(service.id(), service);
            for (String domain : service.domains()) {
                domains.put(domain, service);
                int labels = labels(domain);
                min = Math.min(min, labels);
                max = Math.max(max, labels);
            }
        }
        this.byId = Map.copyOf(ids);
        this.byDomain = Map.copyOf(domains);
        this.minLabels = services.isEmpty() ? 1 : min;
        this.maxLabels = max;
    }

    /** The catalogue shipped with the plugin. */
    public static AiServiceCatalogue builtIn() {
        return BuiltIn.INSTANCE;
    }

    /** A catalogue made of this file only (the built-in one is ignored). */
    public static AiServiceCatalogue load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readFile(new BufferedReader(reader), file.toString()).toCatalogue();
        }
    }

    /** A catalogue read from {@code reader}; {@code sourceName} names it in error messages. */
    public static AiServiceCatalogue parse(Reader reader, String sourceName) throws IOException {
        return readFile(new BufferedReader(reader), sourceName).toCatalogue();
    }

    /** This catalogue, extended and overridden by the collectivité's file. */
    public AiServiceCatalogue extendedWith(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return extendedWith(reader, file.toString());
        }
    }

    /** This catalogue, extended and overridden by a file of the same format read from {@code reader}. */
    public AiServiceCatalogue extendedWith(Reader reader, String sourceName) throws IOException {
        CatalogueFile local = readFile(new BufferedReader(reader), sourceName);
        Set<String> replaced = new LinkedHashSet<>(local.removals());
        Set<String> claimed = new LinkedHashSet<>();
        for (AiService service : local.services()) {
            replaced.add(service.id());
            claimed.addAll(service.domains());
        }
        for (String id : local.removals()) {
            if (!byId.containsKey(id)) {
                throw new SquidConfigException(sourceName, 0, "@remove " + id + ": no such service in catalogue " + version);
            }
        }
        List<AiService> merged = new ArrayList<>();
        for (AiService service : services) {
            if (replaced.contains(service.id())) {
                continue;
            }
            // A domain the local file gives to another service is taken from this one: the collectivité knows
            // better (e.g. a tenant of a cloud AI it contracted). A service left without domains matches nothing.
            List<String> kept = service.domains().stream().filter(d -> !claimed.contains(d)).toList();
            if (!kept.isEmpty()) {
                merged.add(kept.size() == service.domains().size() ? service
                        : new AiService(service.id(), service.name(), service.provider(), service.hosting(),
                        service.purpose(), service.governance(), kept));
            }
        }
        merged.addAll(local.services());
        List<String> allSources = new ArrayList<>(sources);
        allSources.add(sourceName);
        String mergedVersion = version + "+local." + (local.version() == null ? "unversioned" : local.version());
        return new AiServiceCatalogue(mergedVersion, allSources, merged);
    }

    /** "2026.11.1" for the built-in catalogue, "2026.11.1+local.3" once extended by a file whose version is 3. */
    public String version() {
        return version;
    }

    /** Where the catalogue comes from: the upstream lists and the local files applied. */
    public List<String> sources() {
        return sources;
    }

    public List<AiService> services() {
        return services;
    }

    public Optional<AiService> service(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The service {@code host} belongs to, if any. */
    public Optional<AiService> match(String host) {
        return Optional.ofNullable(find(host));
    }

    /**
     * The service {@code host} belongs to, or null: the allocation-light variant for the scanning loop. Case
     * and a trailing dot are ignored.
     */
    public AiService find(String host) {
        if (host == null || host.isEmpty()) {
            return null;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        int labels = labels(h);
        int from = 0;
        // Try the host itself, then each parent domain: the first hit is the longest matching domain. Suffixes
        // with more labels than any catalogue domain, or fewer than all, cannot match and are not even built.
        for (int l = labels; l >= minLabels; l--) {
            if (l <= maxLabels) {
                AiService service = byDomain.get(from == 0 ? h : h.substring(from));
                if (service != null) {
                    return service;
                }
            }
            int dot = h.indexOf('.', from);
            if (dot < 0) {
                return null;
            }
            from = dot + 1;
        }
        return null;
    }

    @Override
    public String toString() {
        return "AiServiceCatalogue[version=" + version + ", services=" + services.size() + "]";
    }

    private static int labels(String domain) {
        int n = 1;
        for (int i = 0; i < domain.length(); i++) {
            if (domain.charAt(i) == '.') {
                n++;
            }
        }
        return n;
    }

    /** One parsed file: its services plus its directives. */
    private record CatalogueFile(String version, List<String> sources, List<AiService> services, List<String> removals,
                                 String sourceName) {
        AiServiceCatalogue toCatalogue() {
            if (!removals.isEmpty()) {
                throw new SquidConfigException(sourceName, 0, "@remove only makes sense in a file that extends a catalogue");
            }
            List<String> s = new ArrayList<>(sources);
            s.add(sourceName);
            return new AiServiceCatalogue(version == null ? "unversioned" : version, s, services);
        }
    }

    private static CatalogueFile readFile(BufferedReader reader, String sourceName) throws IOException {
        String version = null;
        List<String> sources = new ArrayList<>();
        List<AiService> services = new ArrayList<>();
        List<String> removals = new ArrayList<>();
        Map<String, Integer> idLines = new HashMap<>();
        Map<String, String> domainOwners = new HashMap<>();
        int lineNo = 0;
        String raw;
        while ((raw = reader.readLine()) != null) {
            lineNo++;
            String line = raw.strip();
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("@")) {
                String[] directive = line.split("\\s+", 2);
                String argument = directive.length > 1 ? directive[1].strip() : "";
                switch (directive[0]) {
                    case "@version" -> {
                        if (argument.isEmpty() || argument.contains(" ")) {
                            throw new SquidConfigException(sourceName, lineNo, "@version needs one word, e.g. '@version 2026.11.1'");
                        }
                        version = argument;
                    }
                    case "@source" -> sources.add(argument);
                    case "@remove" -> {
                        if (argument.isEmpty()) {
                            throw new SquidConfigException(sourceName, lineNo, "@remove needs a service id");
                        }
                        removals.add(argument);
                    }
                    default -> throw new SquidConfigException(sourceName, lineNo,
                            "unknown directive " + directive[0] + " (known: @version, @source, @remove)");
                }
                continue;
            }
            AiService service = parseService(line, sourceName, lineNo);
            Integer previous = idLines.putIfAbsent(service.id(), lineNo);
            if (previous != null) {
                throw new SquidConfigException(sourceName, lineNo, "service '" + service.id() + "' is already defined on line " + previous);
            }
            for (String domain : service.domains()) {
                String owner = domainOwners.putIfAbsent(domain, service.id());
                if (owner != null && !owner.equals(service.id())) {
                    throw new SquidConfigException(sourceName, lineNo, "domain " + domain + " is already given to service '" + owner + "'");
                }
            }
            services.add(service);
        }
        return new CatalogueFile(version, sources, services, removals, sourceName);
    }

    private static AiService parseService(String line, String sourceName, int lineNo) {
        String[] columns = line.split("\\|", -1);
        if (columns.length < 6 || columns.length > 7) {
            throw new SquidConfigException(sourceName, lineNo, "expected 6 or 7 columns separated by '|' "
                    + "(id | name | provider | hosting | purpose | domains [| governance]), found " + columns.length);
        }
        for (int i = 0; i < columns.length; i++) {
            columns[i] = columns[i].strip();
        }
        try {
            Hosting hosting = parseEnum(Hosting.class, columns[3], "hosting");
            Purpose purpose = parseEnum(Purpose.class, columns[4], "purpose");
            Governance governance = columns.length == 7 && !columns[6].isEmpty()
                    ? parseEnum(Governance.class, columns[6], "governance") : Governance.SHADOW;
            List<String> domains = Arrays.stream(columns[5].split("[\\s,]+")).filter(d -> !d.isEmpty()).toList();
            return new AiService(columns[0], columns[1], columns[2], hosting, purpose, governance, domains);
        } catch (IllegalArgumentException e) {
            throw new SquidConfigException(sourceName, lineNo, e.getMessage());
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String column) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(column + " '" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** Loaded once, on first use. */
    private static final class BuiltIn {
        static final AiServiceCatalogue INSTANCE = load();

        private static AiServiceCatalogue load() {
            try (InputStream in = AiServiceCatalogue.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + BUILT_IN_RESOURCE + " is missing from the plugin jar");
                }
                return parse(new InputStreamReader(in, StandardCharsets.UTF_8), "built-in " + BUILT_IN_RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
