package fr.observatoire.ia.server.collectivite;

import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.server.problem.ApiProblem;
import fr.observatoire.ia.server.referential.Referential;
import fr.observatoire.ia.server.referential.Stratum;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Registration against the real referential (@etalab/decoupage-administratif 6.0.0), without a server. */
class RegistrationResolverTest {
    private static final RegistrationResolver RESOLVER = new RegistrationResolver(Referential.loadDefault());
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private static Collectivite resolve(String kind, String siren, String insee, String uai, String name, Long population,
                                        String departement, String email) {
        return RESOLVER.resolve(new RegistrationRequest(kind, siren, insee, uai, name, population, departement, email), NOW);
    }

    private static String problem(Runnable registration) {
        try {
            registration.run();
        } catch (ApiProblem e) {
            return e.type().slug() + ": " + e.getMessage();
        }
        throw new AssertionError("no problem");
    }

    @Test
    void aCommuneBySirenAloneGetsEverythingFromTheReferential() {
        Collectivite laBrigue = resolve(null, "210601621", null, null, null, null, null, null);

        assertThat(laBrigue.kind()).isEqualTo(DeclarantKind.COMMUNE);
        assertThat(laBrigue.name()).isEqualTo("La Brigue");
        assertThat(laBrigue.inseeCode()).isEqualTo("06162");
        assertThat(laBrigue.population()).isEqualTo(Referential.loadDefault().communeByInsee("06162").orElseThrow().population());
        assertThat(laBrigue.stratum()).isEqualTo(Stratum.FROM_500_TO_3499);
        assertThat(laBrigue.departement()).isEqualTo("06");
        assertThat(laBrigue.epciSiren()).isEqualTo("240600551");
        assertThat(laBrigue.registeredAt()).isEqualTo(NOW);
    }

    @Test
    void aCommuneByInseeCodeAloneAndGivenValuesWin() {
        Collectivite nice = resolve("COMMUNE", null, "06088", null, "Ville de Nice", 360_000L, "06", "numerique@ville-nice.fr");

        assertThat(nice.siren()).isEqualTo("210600888");
        assertThat(nice.name()).isEqualTo("Ville de Nice");
        assertThat(nice.population()).isEqualTo(360_000L);
        assertThat(nice.stratum()).isEqualTo(Stratum.AT_LEAST_50000);
        assertThat(nice.epciSiren()).isEqualTo("200030195");
        assertThat(nice.contactEmail()).isEqualTo("numerique@ville-nice.fr");
    }

    @Test
    void anEpciADepartementAndARegion() {
        Collectivite metropole = resolve(null, "200030195", null, null, null, null, null, null);
        assertThat(metropole.kind()).isEqualTo(DeclarantKind.EPCI);
        assertThat(metropole.name()).isEqualTo("Métropole Nice Côte d'Azur");
        assertThat(metropole.departement()).isEqualTo("06");
        assertThat(metropole.epciSiren()).isEqualTo("200030195");

        Collectivite departement = resolve("DEPARTEMENT", "220600019", "06", null, null, null, null, null);
        assertThat(departement.name()).isEqualTo("Alpes-Maritimes");
        assertThat(departement.departement()).isEqualTo("06");
        assertThat(departement.population()).isGreaterThan(1_000_000);

        Collectivite region = resolve("REGION", "200053767", "93", null, null, null, null, null);
        assertThat(region.name()).isEqualTo("Provence-Alpes-Côte d'Azur");
        assertThat(region.departement()).isNull();
    }

    @Test
    void unknownToTheReferential() {
        // 210699906: nine digits with a valid Luhn key, but no commune has it.
        assertThat(problem(() -> resolve("COMMUNE", "210699906", null, null, null, null, null, null)))
                .startsWith("unknown-collectivite").contains("210699906");
        assertThat(problem(() -> resolve(null, "210699906", null, null, null, null, null, null)))
                .startsWith("unknown-collectivite").contains("'kind'");
        assertThat(problem(() -> resolve("COMMUNE", null, "06999", null, null, null, null, null)))
                .startsWith("unknown-collectivite").contains("06999");
        assertThat(problem(() -> resolve("EPCI", "210600888", null, null, null, null, null, null)))
                .startsWith("unknown-collectivite");
        assertThat(problem(() -> resolve("DEPARTEMENT", "220600019", "99", null, null, null, null, null)))
                .startsWith("unknown-collectivite");
    }

    @Test
    void aWrongLuhnKeyIsStillAnInvalidSiren() {
        assertThat(problem(() -> resolve("COMMUNE", "210600889", null, null, null, null, null, null))).startsWith("invalid-siren");
        assertThat(problem(() -> resolve("EPCI", null, null, null, null, null, null, null))).startsWith("invalid-siren");
        assertThat(problem(() -> resolve("DEPARTEMENT", null, "06", null, null, null, null, null))).startsWith("invalid-siren");
    }

    @Test
    void inconsistentIdentifiers() {
        assertThat(problem(() -> resolve("COMMUNE", "210600888", "06162", null, null, null, null, null)))
                .startsWith("invalid-declarant").contains("Nice", "La Brigue");
        assertThat(problem(() -> resolve("COMMUNE", "210600888", null, null, null, null, "13", null)))
                .startsWith("invalid-declarant").contains("06");
        assertThat(problem(() -> resolve("EPCI", "200030195", "06088", null, null, null, null, null)))
                .startsWith("invalid-declarant");
        assertThat(problem(() -> resolve("SYNDICAT", "210600888", null, null, "Syndicat", null, "06", null)))
                .startsWith("invalid-declarant").contains("commune Nice");
        assertThat(problem(() -> resolve("COMMUNE", "210600888", null, null, " ", null, null, null)))
                .startsWith("invalid-declarant").contains("'name'");
        assertThat(problem(() -> resolve("COMMUNE", "210600888", null, null, null, -1L, null, null)))
                .startsWith("invalid-declarant").contains("population");
        assertThat(problem(() -> resolve("COMMUNE", "210600888", null, null, null, null, null, "Jean Dupont")))
                .startsWith("invalid-declarant").contains("contactEmail");
    }

    @Test
    void schoolsAreRegisteredByUaiWithinTheirDepartement() {
        // 0061234 % 23 = 8 → key letter J.
        Collectivite college = resolve("ETABLISSEMENT_SCOLAIRE", "196000012", null, "0061234J", "Collège Les Vallées", null, "06", null);
        assertThat(college.departement()).isEqualTo("06");
        assertThat(college.uai()).isEqualTo("0061234J");
        assertThat(college.stratum()).isNull();

        assertThat(problem(() -> resolve("ETABLISSEMENT_SCOLAIRE", "196000012", null, "0061234J", "Collège", null, null, null)))
                .startsWith("invalid-declarant").contains("'departement'");
        assertThat(problem(() -> resolve("ETABLISSEMENT_SCOLAIRE", "196000012", null, "0061234J", "Collège", null, "13", null)))
                .startsWith("invalid-declarant").contains("06");
        assertThat(problem(() -> resolve("ETABLISSEMENT_SCOLAIRE", "196000012", null, "0061234J", "Collège", null, "9Z", null)))
                .startsWith("unknown-territory");
        assertThat(problem(() -> resolve("ETABLISSEMENT_SCOLAIRE", "196000012", null, "0061234J", null, null, "06", null)))
                .startsWith("invalid-declarant").contains("'name'");
    }

    @Test
    void syndicatsNeedANameAndMayHaveADepartement() {
        Collectivite syndicat = resolve("SYNDICAT", "256000019", null, null, "SIVOM du Haut-Pays", null, "06", "contact@sivom.fr");
        assertThat(syndicat.kind()).isEqualTo(DeclarantKind.SYNDICAT);
        assertThat(syndicat.departement()).isEqualTo("06");
        assertThat(resolve("OTHER", "256000019", null, null, "Agence", null, null, null).departement()).isNull();
    }

    @Test
    void theDepartementOfAUai() {
        assertThat(RegistrationResolver.departementOfUai("0061234J")).isEqualTo("06");
        assertThat(RegistrationResolver.departementOfUai("6200001G")).isEqualTo("2A");
        assertThat(RegistrationResolver.departementOfUai("7200001G")).isEqualTo("2B");
        assertThat(RegistrationResolver.departementOfUai("9741234A")).isEqualTo("974");
    }

    @Test
    void aMissingKindCannotBeGuessedFromATwoCharacterCode() {
        assertThatThrownBy(() -> resolve(null, "220600019", "06", null, null, null, null, null)).isInstanceOf(ApiProblem.class);
        assertThat(problem(() -> resolve(null, null, "06", null, null, null, null, null))).startsWith("invalid-declarant").contains("'kind'");
    }
}
