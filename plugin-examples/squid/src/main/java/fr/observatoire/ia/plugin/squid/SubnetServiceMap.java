package fr.observatoire.ia.plugin.squid;

import fr.observatoire.ia.model.Service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which service of the collectivité a client address belongs to, from a file kept by the DSI next to the
 * proxy (it never leaves the collectivité):
 * <pre>
 * # subnet          service
 * 10.1.2.0/24       CIVIL_REGISTRY
 * 10.1.0.0/16       FINANCE
 * 2001:db8:1::/48   URBAN_PLANNING
 * default           TRANSVERSAL
 * </pre>
 * The longest matching prefix wins; an address that matches nothing (or is not an IP literal, e.g. when Squid
 * logs host names) gets the default ({@link Service#TRANSVERSAL} unless configured). IPv4 and IPv6 share one
 * table: an IPv4-mapped IPv6 client ({@code ::ffff:10.1.2.3}) finds the IPv4 rule.
 *
 * <p>Immutable and thread-safe. Lookups walk the rules from the longest prefix down: a collectivité has tens
 * of subnets, not a routing table, and only lines about AI services are looked up.
 */
public final class SubnetServiceMap {
    private final List<Rule> rules;
    private final Service defaultService;

    /** One CIDR rule on the 128-bit space, IPv4 rules as IPv4-mapped (prefix + 96). */
    private record Rule(long high, long low, int prefix, Service service) {
        boolean contains(long h, long l) {
            return (h & highMask(prefix)) == high && (l & lowMask(prefix)) == low;
        }
    }

    private SubnetServiceMap(List<Rule> rules, Service defaultService) {
        List<Rule> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparingInt(Rule::prefix).reversed());
        this.rules = List.copyOf(sorted);
        this.defaultService = Objects.requireNonNull(defaultService, "defaultService");
    }

    /** No subnets: every client belongs to {@code defaultService}. */
    public static SubnetServiceMap of(Service defaultService) {
        return new SubnetServiceMap(List.of(), defaultService);
    }

    /** No subnets, every client in {@link Service#TRANSVERSAL}. */
    public static SubnetServiceMap empty() {
        return of(Service.TRANSVERSAL);
    }

    /** Reads the file; the default is {@link Service#TRANSVERSAL} unless the file has a {@code default} line. */
    public static SubnetServiceMap load(Path file) throws IOException {
        return load(file, Service.TRANSVERSAL);
    }

    /** Reads the file; {@code defaultService} applies unless the file has a {@code default} line. */
    public static SubnetServiceMap load(Path file, Service defaultService) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString(), defaultService);
        }
    }

    /** Reads lines {@code CIDR SERVICE} (or {@code default SERVICE}); '#' starts a comment. */
    public static SubnetServiceMap parse(Reader reader, String sourceName, Service defaultService) throws IOException {
        BufferedReader lines = new BufferedReader(reader);
        List<Rule> rules = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Service fallback = defaultService;
        boolean defaultSeen = false;
        int lineNo = 0;
        String raw;
        while ((raw = lines.readLine()) != null) {
            lineNo++;
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            String[] words = line.split("\\s+");
            if (words.length != 2) {
                throw new SquidConfigException(sourceName, lineNo, "expected 'SUBNET SERVICE' (e.g. '10.1.2.0/24 CIVIL_REGISTRY'), found '" + line + "'");
            }
            Service service = parseService(words[1], sourceName, lineNo);
            if (words[0].equalsIgnoreCase("default")) {
                if (defaultSeen) {
                    throw new SquidConfigException(sourceName, lineNo, "a second 'default' line");
                }
                defaultSeen = true;
                fallback = service;
                continue;
            }
            Rule rule = parseRule(words[0], service, sourceName, lineNo);
            String key = rule.high() + "/" + rule.low() + "/" + rule.prefix();
            Integer previous = seen.putIfAbsent(key, lineNo);
            if (previous != null) {
                throw new SquidConfigException(sourceName, lineNo, "subnet " + words[0] + " is already mapped on line " + previous);
            }
            rules.add(rule);
        }
        return new SubnetServiceMap(rules, fallback);
    }

    /** The service of {@code clientAddress}: the one of the longest matching subnet, else the default. */
    public Service serviceOf(String clientAddress) {
        if (rules.isEmpty()) {
            return defaultService;
        }
        IpAddress.Bits address = IpAddress.parse(clientAddress);
        if (address == null) {
            return defaultService;
        }
        for (Rule rule : rules) {
            if (rule.contains(address.high(), address.low())) {
                return rule.service();
            }
        }
        return defaultService;
    }

    public Service defaultService() {
        return defaultService;
    }

    /** Number of subnet rules. */
    public int size() {
        return rules.size();
    }

    @Override
    public String toString() {
        // Subnets are the collectivité's own network plan, not personal data; still, only the size is shown.
        return "SubnetServiceMap[rules=" + rules.size() + ", default=" + defaultService + "]";
    }

    private static Rule parseRule(String cidr, Service service, String sourceName, int lineNo) {
        int slash = cidr.indexOf('/');
        String addressText = slash < 0 ? cidr : cidr.substring(0, slash);
        IpAddress.Bits address = IpAddress.parse(addressText);
        if (address == null) {
            throw new SquidConfigException(sourceName, lineNo, "'" + addressText + "' is not an IPv4 or IPv6 address");
        }
        boolean v4 = addressText.indexOf(':') < 0;
        int max = v4 ? 32 : 128;
        int prefix = max;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > max) {
                throw new SquidConfigException(sourceName, lineNo, "prefix length of " + cidr + " must be 0 to " + max);
            }
        }
        int prefix128 = v4 ? prefix + 96 : prefix;
        long high = address.high() & highMask(prefix128);
        long low = address.low() & lowMask(prefix128);
        if (high != address.high() || low != address.low()) {
            // Most likely a typo (10.1.2.5/24 for 10.1.2.0/24): refuse rather than guess.
            throw new SquidConfigException(sourceName, lineNo, cidr + " has bits set after the prefix: write the network address, e.g. "
                    + (v4 ? formatV4(low) : "the first address of the subnet") + "/" + prefix);
        }
        return new Rule(high, low, prefix128, service);
    }

    private static Service parseService(String name, String sourceName, int lineNo) {
        try {
            return Service.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new SquidConfigException(sourceName, lineNo, "'" + name + "' is not a service; one of " + Arrays.toString(Service.values()));
        }
    }

    private static String formatV4(long low) {
        return ((low >>> 24) & 0xFF) + "." + ((low >>> 16) & 0xFF) + "." + ((low >>> 8) & 0xFF) + "." + (low & 0xFF);
    }

    static long highMask(int prefix) {
        if (prefix >= 64) {
            return -1L;
        }
        return prefix == 0 ? 0L : -1L << (64 - prefix);
    }

    static long lowMask(int prefix) {
        if (prefix <= 64) {
            return 0L;
        }
        return -1L << (128 - prefix);
    }
}
