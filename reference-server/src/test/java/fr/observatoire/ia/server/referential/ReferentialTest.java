package fr.observatoire.ia.server.referential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import fr.observatoire.ia.model.Identifiers;

/** Behaviour on the real data generated from @etalab/decoupage-administratif 6.0.0. */
class ReferentialTest {

    private static final Referential REF = Referential.loadDefault();

    @Test
    void sourceIsThePinnedPackage() {
        assertThat(REF.source()).isEqualTo("@etalab/decoupage-administratif@6.0.0");
        assertThat(REF.sourceInfo()).containsEntry("version", "6.0.0").containsKey("generated");
        assertThat(REF.sourceInfo().get("licence")).contains("Licence Ouverte");
        assertThat(Referential.loadDefault()).isSameAs(REF);
    }

    @Test
    void nationalCounts() {
        assertThat(REF.communes()).hasSize(34_875);
        assertThat(REF.epcis()).hasSize(1_255);
        assertThat(REF.departements()).hasSize(101);
        assertThat(REF.regions()).hasSize(18);
        assertThat(REF.sourceInfo()).containsEntry("communes", "34875").containsEntry("epci", "1255");
        Map<String, Long> byType = REF.epcis().stream()
                .collect(Collectors.groupingBy(e -> e.type().code(), Collectors.counting()));
        assertThat(byType).containsOnly(Map.entry("CC", 989L), Map.entry("CA", 230L), Map.entry("CU", 14L),
                Map.entry("METRO", 21L), Map.entry("MET69", 1L));
    }

    @Test
    void nice() {
        Commune nice = REF.communeByInsee("06088").orElseThrow();
        assertThat(nice.name()).isEqualTo("Nice");
        assertThat(nice.siren()).isEqualTo("210600888");
        assertThat(nice.population()).isGreaterThan(300_000).isEqualTo(357_737);
        assertThat(nice.departement()).isEqualTo("06");
        assertThat(nice.region()).isEqualTo("93");
        assertThat(nice.stratum()).isEqualTo(Stratum.AT_LEAST_50000);
        assertThat(nice.epciSiren()).isEqualTo("200030195");
        assertThat(REF.communeBySiren("210600888")).contains(nice);
        assertThat(REF.bySiren("210600888")).contains(nice);
        assertThat(REF.find(Collectivite.Kind.COMMUNE, "06088")).contains(nice);
    }

    @Test
    void metropoleNiceCoteDAzur() {
        Epci metropole = REF.epciOf("06088").orElseThrow();
        assertThat(metropole.siren()).isEqualTo("200030195");
        assertThat(metropole.name()).isEqualTo("Métropole Nice Côte d'Azur");
        assertThat(metropole.type()).isEqualTo(EpciType.METRO);
        assertThat(metropole.memberCount()).isEqualTo(51);
        assertThat(metropole.departement()).isEqualTo("06");
        assertThat(metropole.departements()).containsExactly("06");
        assertThat(REF.members("200030195")).hasSize(51).extracting(Commune::insee).contains("06088", "06059");
        assertThat(metropole.population())
                .isEqualTo(REF.members("200030195").stream().mapToLong(Commune::population).sum());
        assertThat(REF.bySiren("200030195")).contains(metropole);
        assertThat(Identifiers.isValidSiren(metropole.siren())).isTrue();
    }

    @Test
    void rivieraFrancaise() {
        Epci riviera = REF.epciBySiren("240600551").orElseThrow();
        assertThat(riviera.name()).isEqualTo("CA de la Riviera Française");
        assertThat(riviera.type()).isEqualTo(EpciType.CA);
        assertThat(riviera.memberCount()).isEqualTo(15);
        assertThat(REF.members("240600551")).extracting(Commune::name).contains("Menton", "Gorbio", "La Brigue");
    }

    @Test
    void alpesMaritimes() {
        Departement am = REF.departement("06").orElseThrow();
        assertThat(am.name()).isEqualTo("Alpes-Maritimes");
        assertThat(am.region()).isEqualTo("93");
        assertThat(am.chefLieu()).isEqualTo("06088");
        assertThat(am.sirenIfKnown()).isEmpty();
        assertThat(REF.region("93").orElseThrow().name()).isEqualTo("Provence-Alpes-Côte d'Azur");

        List<Commune> communes = REF.communesOf("06");
        assertThat(communes).hasSize(163).allMatch(c -> c.departement().equals("06"));
        assertThat(am.population()).isEqualTo(communes.stream().mapToLong(Commune::population).sum());
        assertThat(REF.epcisOf("06")).extracting(Epci::siren).containsExactly(
                "200030195", "200039857", "200039915", "200039931", "240600551", "240600585", "240600593");
        // Every commune of the Alpes-Maritimes is in one of its 7 EPCI.
        assertThat(REF.epcisOf("06").stream().mapToInt(Epci::memberCount).sum()).isEqualTo(163);
        assertThat(REF.communeCountsByStratum("06")).containsExactly(
                Map.entry(Stratum.UNDER_500, 60),
                Map.entry(Stratum.FROM_500_TO_3499, 61),
                Map.entry(Stratum.FROM_3500_TO_9999, 22),
                Map.entry(Stratum.FROM_10000_TO_49999, 15),
                Map.entry(Stratum.AT_LEAST_50000, 5));
    }

    @Test
    void smallCommunesOfTheAlpesMaritimes() {
        Commune eze = REF.communeByInsee("06059").orElseThrow();
        assertThat(eze.name()).isEqualTo("Èze");
        assertThat(eze.siren()).isEqualTo("210600599");
        assertThat(eze.population()).isEqualTo(2_144);
        assertThat(eze.stratum()).isEqualTo(Stratum.FROM_500_TO_3499);
        assertThat(eze.stratum().atLeastLegalThreshold()).isFalse();
        assertThat(eze.epciSiren()).isEqualTo("200030195");

        Commune gorbio = REF.communeBySiren("210600672").orElseThrow();
        assertThat(gorbio.insee()).isEqualTo("06067");
        assertThat(gorbio.population()).isEqualTo(1_609);
        assertThat(gorbio.epciSiren()).isEqualTo("240600551");

        Commune laBrigue = REF.communeByInsee("06162").orElseThrow();
        assertThat(laBrigue.name()).isEqualTo("La Brigue");
        assertThat(laBrigue.siren()).isEqualTo("210601621");
        assertThat(laBrigue.population()).isEqualTo(763);
        assertThat(laBrigue.stratum()).isEqualTo(Stratum.FROM_500_TO_3499);

        Commune mujouls = REF.communeByInsee("06087").orElseThrow();
        assertThat(mujouls.name()).isEqualTo("Les Mujouls");
        assertThat(mujouls.stratum()).isEqualTo(Stratum.UNDER_500);
    }

    @Test
    void everySirenHasAValidLuhnKey() {
        List<String> invalid = REF.communes().stream()
                .filter(c -> !Identifiers.isValidSiren(c.siren()))
                .map(c -> c.insee() + " " + c.name() + " " + c.siren())
                .collect(Collectors.toList());
        REF.epcis().stream().filter(e -> !Identifiers.isValidSiren(e.siren()))
                .forEach(e -> invalid.add(e.siren() + " " + e.name()));
        assertThat(invalid).isEmpty();
    }

    @Test
    void everyCommuneHasAValidCodeAndBelongsToItsDepartement() {
        for (Commune c : REF.communes()) {
            assertThat(Identifiers.isValidCommuneCode(c.insee())).as(c.insee()).isTrue();
            assertThat(Identifiers.isValidDepartementCode(c.departement())).as(c.insee()).isTrue();
            assertThat(REF.departement(c.departement()).orElseThrow().region()).as(c.insee()).isEqualTo(c.region());
        }
        for (Departement d : REF.departements()) {
            assertThat(Identifiers.isValidDepartementCode(d.code())).as(d.code()).isTrue();
        }
    }

    @Test
    void scope() {
        assertThat(REF.departement("2A")).isPresent();
        assertThat(REF.departement("974").orElseThrow().name()).isEqualTo("La Réunion");
        assertThat(REF.communeByInsee("75056").orElseThrow().population()).isGreaterThan(2_000_000);
        assertThat(REF.communeByInsee("75101")).as("municipal arrondissement").isEmpty();
        assertThat(REF.communeByInsee("97502")).as("collectivité d'outre-mer").isEmpty();
        assertThat(REF.departement("975")).isEmpty();
        // Four island communes are in no EPCI.
        assertThat(REF.communes().stream().filter(c -> c.epciSiren() == null).map(Commune::insee))
                .containsExactly("22016", "29083", "29155", "85113");
        assertThat(REF.epciOf("29155")).isEmpty();
        assertThat(REF.communeCountsByStratum().values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(34_875);
    }

    @Test
    void unknownOrNullCodesGiveEmptyResults() {
        assertThat(REF.communeByInsee("00000")).isEmpty();
        assertThat(REF.communeByInsee(null)).isEmpty();
        assertThat(REF.communeBySiren(null)).isEmpty();
        assertThat(REF.epciBySiren("210600888")).isEmpty();
        assertThat(REF.departement("99")).isEmpty();
        assertThat(REF.communesOf("99")).isEmpty();
        assertThat(REF.epcisOf(null)).isEmpty();
        assertThat(REF.members("000000000")).isEmpty();
        assertThat(REF.bySiren("123456789")).isEmpty();
        assertThat(REF.find(null, "06")).isEmpty();
        assertThat(REF.communeCountsByStratum("99")).hasSize(Stratum.values().length).containsValue(0)
                .doesNotContainValue(1);
    }

    @Test
    void isImmutable() {
        Commune nice = REF.communeByInsee("06088").orElseThrow();
        assertThatThrownBy(() -> REF.communes().add(nice)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> REF.communesOf("06").clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> REF.members("200030195").remove(0))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> REF.communeCountsByStratum("06").put(Stratum.UNDER_500, 0))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> REF.epcis().get(0).departements().add("06"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void loadsFromAFolderQuickly() throws Exception {
        URL url = Referential.class.getClassLoader().getResource("referential/communes.tsv");
        assertThat(url).isNotNull();
        if (!"file".equals(url.getProtocol())) {
            return; // packaged in a jar: the folder variant is not applicable
        }
        Path dir = Path.of(url.toURI()).getParent();
        long start = System.nanoTime();
        Referential fresh = Referential.load(dir);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(fresh).isNotSameAs(REF);
        assertThat(fresh.communes()).isEqualTo(REF.communes());
        assertThat(fresh.epcis()).isEqualTo(REF.epcis());
        // The target is well under 1 s; the bound leaves room for a loaded CI machine.
        assertThat(millis).as("load time in ms").isLessThan(3_000);
        assertThat(Files.size(dir.resolve("communes.tsv"))).isLessThan(4_000_000);
    }

    @Test
    void missingFolderFailsClearly() {
        assertThatThrownBy(() -> Referential.load(Path.of("/nonexistent-referential")))
                .hasMessageContaining("cannot read the referential");
    }
}
