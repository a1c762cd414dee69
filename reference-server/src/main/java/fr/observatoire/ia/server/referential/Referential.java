package fr.observatoire.ia.server.referential;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The referential of French collectivités: current communes of metropolitan France and the DROM, EPCI à
 * fiscalité propre, départements and régions, read from the TSV files that
 * {@code reference-server/scripts/generate-referential.mjs} generates from {@code @etalab/decoupage-administratif}
 * (see {@code referential/SOURCE.md} on the classpath).
 *
 * <p>Immutable and thread-safe once built. Lookups by an unknown or {@code null} code give an empty result, never
 * an exception. Lists are sorted by code (INSEE code for communes, SIREN for EPCI).
 */
public final class Referential {

    /** Classpath folder of the generated files. */
    public static final String RESOURCE_DIR = "referential/";

    private static final String[] COMMUNE_COLUMNS =
            {"insee", "siren", "name", "population", "departement", "region", "epci_siren"};
    private static final String[] EPCI_COLUMNS =
            {"siren", "name", "type", "population", "departement", "departements", "members"};
    private static final String[] DEPARTEMENT_COLUMNS = {"code", "name", "region", "chef_lieu", "siren"};
    private static final String[] REGION_COLUMNS = {"code", "name", "chef_lieu", "siren"};

    private final String source;
    private final Map<String, String> sourceInfo;
    private final List<Commune> communes;
    private final List<Epci> epcis;
    private final List<Departement> departements;
    private final List<Region> regions;
    private final Map<String, Commune> communeByInsee;
    private final Map<String, Commune> communeBySiren;
    private final Map<String, Epci> epciBySiren;
    private final Map<String, Departement> departementByCode;
    private final Map<String, Region> regionByCode;
    private final Map<String, List<Commune>> communesByDepartement;
    private final Map<String, List<Epci>> epcisByDepartement;
    private final Map<String, List<Commune>> membersByEpci;

    /** Opens one of the referential's files by name ("communes.tsv"...). */
    @FunctionalInterface
    private interface Opener {
        InputStream open(String name) throws IOException;
    }

    private static final class DefaultHolder {
        static final Referential INSTANCE = load(name -> {
            String resource = RESOURCE_DIR + name;
            ClassLoader loader = Referential.class.getClassLoader();
            InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(resource)
                    : loader.getResourceAsStream(resource);
            if (in == null) {
                throw new IOException("missing classpath resource " + resource);
            }
            return in;
        });
    }

    /**
     * The referential shipped on the classpath under {@value #RESOURCE_DIR}. Read once, on the first call, then
     * shared.
     *
     * @throws UncheckedIOException  if a resource is missing or unreadable
     * @throws IllegalStateException if the files are malformed or inconsistent
     */
    public static Referential loadDefault() {
        return DefaultHolder.INSTANCE;
    }

    /** A referential read from a folder holding the same files as the classpath one. */
    public static Referential load(Path directory) {
        return load(name -> {
            try {
                return Files.newInputStream(directory.resolve(name));
            } catch (NoSuchFileException e) {
                throw new IOException("missing file " + directory.resolve(name), e);
            }
        });
    }

    private static Referential load(Opener opener) {
        try {
            Map<String, String> info = readProperties(opener, "source.properties");
            List<String[]> regionRows = readTsv(opener, "regions.tsv", REGION_COLUMNS);
            List<String[]> departementRows = readTsv(opener, "departements.tsv", DEPARTEMENT_COLUMNS);
            List<String[]> epciRows = readTsv(opener, "epci.tsv", EPCI_COLUMNS);
            List<String[]> communeRows = readTsv(opener, "communes.tsv", COMMUNE_COLUMNS);
            return new Referential(info, regionRows, departementRows, epciRows, communeRows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the referential: " + e.getMessage(), e);
        }
    }

    private Referential(Map<String, String> info, List<String[]> regionRows, List<String[]> departementRows,
                        List<String[]> epciRows, List<String[]> communeRows) {
        this.sourceInfo = Collections.unmodifiableMap(new LinkedHashMap<>(info));
        String pkg = info.get("package");
        String version = info.get("version");
        if (pkg == null || version == null) {
            throw new IllegalStateException("source.properties: package and version are required");
        }
        this.source = pkg + "@" + version;

        Map<String, String[]> regionRaw = index(regionRows, "regions.tsv");
        Map<String, String[]> departementRaw = index(departementRows, "departements.tsv");
        Map<String, String[]> epciRaw = index(epciRows, "epci.tsv");
        // The generator writes sorted files; sorting again (linear on sorted input) makes the lists' order a
        // property of this class rather than of the files.
        Comparator<String[]> byKey = Comparator.comparing(r -> r[0]);
        communeRows.sort(byKey);
        epciRows.sort(byKey);
        departementRows.sort(byKey);
        regionRows.sort(byKey);

        // Communes first: départements and régions take their population from them.
        List<Commune> communeList = new ArrayList<>(communeRows.size());
        Map<String, Commune> byInsee = new HashMap<>(communeRows.size() * 2);
        Map<String, Commune> bySiren = new HashMap<>(communeRows.size() * 2);
        Map<String, Long> populationByDepartement = new HashMap<>();
        Map<String, Long> populationByRegion = new HashMap<>();
        Map<String, List<Commune>> byDepartement = new HashMap<>();
        Map<String, List<Commune>> byEpci = new HashMap<>();
        for (String[] r : communeRows) {
            Commune c = new Commune(r[0], r[1], r[2], parseLong(r[3], "communes.tsv", r[0]), r[4], r[5], emptyToNull(r[6]));
            if (!departementRaw.containsKey(c.departement())) {
                throw inconsistent("commune " + c.insee() + ": unknown département " + c.departement());
            }
            if (!regionRaw.containsKey(c.region())) {
                throw inconsistent("commune " + c.insee() + ": unknown région " + c.region());
            }
            if (c.epciSiren() != null && !epciRaw.containsKey(c.epciSiren())) {
                throw inconsistent("commune " + c.insee() + ": unknown EPCI " + c.epciSiren());
            }
            if (byInsee.put(c.insee(), c) != null) {
                throw inconsistent("commune " + c.insee() + " twice");
            }
            if (bySiren.put(c.siren(), c) != null) {
                throw inconsistent("commune SIREN " + c.siren() + " twice");
            }
            communeList.add(c);
            populationByDepartement.merge(c.departement(), c.population(), Long::sum);
            populationByRegion.merge(c.region(), c.population(), Long::sum);
            byDepartement.computeIfAbsent(c.departement(), k -> new ArrayList<>()).add(c);
            if (c.epciSiren() != null) {
                byEpci.computeIfAbsent(c.epciSiren(), k -> new ArrayList<>()).add(c);
            }
        }

        List<Region> regionList = new ArrayList<>(regionRows.size());
        Map<String, Region> regionMap = new HashMap<>();
        for (String[] r : regionRows) {
            Region region = new Region(r[0], r[1], emptyToNull(r[2]), populationByRegion.getOrDefault(r[0], 0L),
                    emptyToNull(r[3]));
            regionList.add(region);
            regionMap.put(region.code(), region);
        }

        List<Departement> departementList = new ArrayList<>(departementRows.size());
        Map<String, Departement> departementMap = new HashMap<>();
        for (String[] r : departementRows) {
            if (!regionRaw.containsKey(r[2])) {
                throw inconsistent("département " + r[0] + ": unknown région " + r[2]);
            }
            Departement d = new Departement(r[0], r[1], r[2], emptyToNull(r[3]),
                    populationByDepartement.getOrDefault(r[0], 0L), emptyToNull(r[4]));
            departementList.add(d);
            departementMap.put(d.code(), d);
        }

        List<Epci> epciList = new ArrayList<>(epciRows.size());
        Map<String, Epci> epciMap = new HashMap<>();
        Map<String, List<Epci>> epciByDepartement = new HashMap<>();
        for (String[] r : epciRows) {
            EpciType type = EpciType.fromCode(r[2])
                    .orElseThrow(() -> inconsistent("EPCI " + r[0] + ": unknown type " + r[2]));
            List<String> deps = r[5].isEmpty() ? List.of() : List.of(r[5].split(","));
            Epci e = new Epci(r[0], r[1], type, parseLong(r[3], "epci.tsv", r[0]), r[4], deps,
                    (int) parseLong(r[6], "epci.tsv", r[0]));
            int members = byEpci.getOrDefault(e.siren(), List.of()).size();
            if (members != e.memberCount()) {
                throw inconsistent("EPCI " + e.siren() + ": " + e.memberCount() + " members declared, "
                        + members + " communes point to it");
            }
            epciList.add(e);
            epciMap.put(e.siren(), e);
            for (String d : deps) {
                if (!departementRaw.containsKey(d)) {
                    throw inconsistent("EPCI " + e.siren() + ": unknown département " + d);
                }
                epciByDepartement.computeIfAbsent(d, k -> new ArrayList<>()).add(e);
            }
        }

        this.communes = List.copyOf(communeList);
        this.epcis = List.copyOf(epciList);
        this.departements = List.copyOf(departementList);
        this.regions = List.copyOf(regionList);
        this.communeByInsee = Collections.unmodifiableMap(byInsee);
        this.communeBySiren = Collections.unmodifiableMap(bySiren);
        this.epciBySiren = Collections.unmodifiableMap(epciMap);
        this.departementByCode = Collections.unmodifiableMap(departementMap);
        this.regionByCode = Collections.unmodifiableMap(regionMap);
        this.communesByDepartement = freeze(byDepartement);
        this.epcisByDepartement = freeze(epciByDepartement);
        this.membersByEpci = freeze(byEpci);
    }

    // ---------------------------------------------------------------- lookups

    /** The commune with this INSEE (COG) code, e.g. "06088" for Nice. */
    public Optional<Commune> communeByInsee(String insee) {
        return insee == null ? Optional.empty() : Optional.ofNullable(communeByInsee.get(insee));
    }

    /** The commune with this SIREN, e.g. "210600888" for Nice. */
    public Optional<Commune> communeBySiren(String siren) {
        return siren == null ? Optional.empty() : Optional.ofNullable(communeBySiren.get(siren));
    }

    /** The EPCI à fiscalité propre with this SIREN. */
    public Optional<Epci> epciBySiren(String siren) {
        return siren == null ? Optional.empty() : Optional.ofNullable(epciBySiren.get(siren));
    }

    /** The commune or EPCI with this SIREN (départements and régions have none in the source). */
    public Optional<Collectivite> bySiren(String siren) {
        Optional<Collectivite> commune = communeBySiren(siren).map(Collectivite.class::cast);
        return commune.isPresent() ? commune : epciBySiren(siren).map(Collectivite.class::cast);
    }

    /** The collectivité of this kind and code (INSEE code; SIREN for an EPCI). */
    public Optional<Collectivite> find(Collectivite.Kind kind, String code) {
        if (kind == null || code == null) {
            return Optional.empty();
        }
        return switch (kind) {
            case COMMUNE -> communeByInsee(code).map(Collectivite.class::cast);
            case EPCI -> epciBySiren(code).map(Collectivite.class::cast);
            case DEPARTEMENT -> departement(code).map(Collectivite.class::cast);
            case REGION -> region(code).map(Collectivite.class::cast);
        };
    }

    /** The département with this COG code, e.g. "06", "2A", "974". */
    public Optional<Departement> departement(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(departementByCode.get(code));
    }

    /** The région with this COG code, e.g. "93". */
    public Optional<Region> region(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(regionByCode.get(code));
    }

    /** The communes of a département, sorted by INSEE code; empty for an unknown code. */
    public List<Commune> communesOf(String departementCode) {
        return departementCode == null ? List.of() : communesByDepartement.getOrDefault(departementCode, List.of());
    }

    /**
     * The EPCI having at least one member commune in the département, sorted by SIREN (an EPCI may straddle
     * départements); empty for an unknown code.
     */
    public List<Epci> epcisOf(String departementCode) {
        return departementCode == null ? List.of() : epcisByDepartement.getOrDefault(departementCode, List.of());
    }

    /** The member communes of an EPCI, sorted by INSEE code; empty for an unknown SIREN. */
    public List<Commune> members(String epciSiren) {
        return epciSiren == null ? List.of() : membersByEpci.getOrDefault(epciSiren, List.of());
    }

    /** The EPCI the commune with this INSEE code belongs to. */
    public Optional<Epci> epciOf(String communeInsee) {
        return communeByInsee(communeInsee).flatMap(Commune::epci).flatMap(this::epciBySiren);
    }

    /** Number of communes of the département in each stratum; every stratum is present, 0 for an unknown code. */
    public Map<Stratum, Integer> communeCountsByStratum(String departementCode) {
        return countByStratum(communesOf(departementCode));
    }

    /** Number of communes in each stratum, all of France covered by the referential. */
    public Map<Stratum, Integer> communeCountsByStratum() {
        return countByStratum(communes);
    }

    /** All communes, sorted by INSEE code. */
    public List<Commune> communes() {
        return communes;
    }

    /** All EPCI à fiscalité propre, sorted by SIREN. */
    public List<Epci> epcis() {
        return epcis;
    }

    /** All départements, sorted by code. */
    public List<Departement> departements() {
        return departements;
    }

    /** All régions, sorted by code. */
    public List<Region> regions() {
        return regions;
    }

    /** The data's origin as package@version, e.g. "@etalab/decoupage-administratif@6.0.0". */
    public String source() {
        return source;
    }

    /** Everything source.properties says: package, version, integrity, licence, generated (date), counts. */
    public Map<String, String> sourceInfo() {
        return sourceInfo;
    }

    @Override
    public String toString() {
        return "Referential[" + source + ", " + communes.size() + " communes, " + epcis.size() + " EPCI]";
    }

    // ---------------------------------------------------------------- parsing

    private static Map<Stratum, Integer> countByStratum(List<Commune> list) {
        EnumMap<Stratum, Integer> counts = new EnumMap<>(Stratum.class);
        for (Stratum s : Stratum.values()) {
            counts.put(s, 0);
        }
        for (Commune c : list) {
            counts.merge(c.stratum(), 1, Integer::sum);
        }
        return Collections.unmodifiableMap(counts);
    }

    private static <T> Map<String, List<T>> freeze(Map<String, List<T>> map) {
        Map<String, List<T>> frozen = new HashMap<>(map.size() * 2);
        map.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(frozen);
    }

    private static Map<String, String[]> index(List<String[]> rows, String file) {
        Map<String, String[]> map = new HashMap<>(rows.size() * 2);
        for (String[] r : rows) {
            if (map.put(r[0], r) != null) {
                throw inconsistent(file + ": " + r[0] + " twice");
            }
        }
        return map;
    }

    private static Map<String, String> readProperties(Opener opener, String name) throws IOException {
        Properties p = new Properties();
        try (Reader reader = new InputStreamReader(opener.open(name), StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            map.put(key, p.getProperty(key));
        }
        return map;
    }

    /** Reads a header line and rows of exactly {@code columns.length} tab-separated values. */
    private static List<String[]> readTsv(Opener opener, String name, String[] columns) throws IOException {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(opener.open(name), StandardCharsets.UTF_8), 1 << 16)) {
            String header = in.readLine();
            if (header == null || !Arrays.equals(split(header, columns.length, name, 1), columns)) {
                throw new IllegalStateException(name + ": header is not " + String.join("\\t", columns));
            }
            List<String[]> rows = new ArrayList<>();
            int lineNumber = 1;
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isEmpty()) {
                    continue;
                }
                String[] row = split(line, columns.length, name, lineNumber);
                if (row[0].isEmpty()) {
                    throw new IllegalStateException(name + ":" + lineNumber + ": empty " + columns[0]);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static String[] split(String line, int count, String name, int lineNumber) {
        String[] values = new String[count];
        int start = 0;
        for (int i = 0; i < count - 1; i++) {
            int tab = line.indexOf('\t', start);
            if (tab < 0) {
                throw new IllegalStateException(name + ":" + lineNumber + ": expected " + count + " columns");
            }
            values[i] = line.substring(start, tab);
            start = tab + 1;
        }
        if (line.indexOf('\t', start) >= 0) {
            throw new IllegalStateException(name + ":" + lineNumber + ": more than " + count + " columns");
        }
        values[count - 1] = line.substring(start);
        return values;
    }

    private static long parseLong(String value, String file, String key) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(file + ": " + key + ": not a number: " + value, e);
        }
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    private static IllegalStateException inconsistent(String message) {
        return new IllegalStateException("inconsistent referential: " + message);
    }
}
