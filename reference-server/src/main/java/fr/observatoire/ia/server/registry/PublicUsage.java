package fr.observatoire.ia.server.registry;

import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.server.referential.Stratum;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A usage of the public register: the collectivité that declared it, the usage as its latest declaration states
 * it, and that declaration's identity (so that anyone can check it against the signed original).
 */
public record PublicUsage(Organisation organisation, AiUsage usage, Source source) {

    /** The declaring collectivité, as registered. */
    public record Organisation(String siren, DeclarantKind kind, String name, String inseeCode, String uai, Long population,
                               String departement, String epciSiren, String contactEmail) {

        /**
         * Whether CRPA art. L312-1-3 can apply: collectivités territoriales of 3,500 inhabitants or more must publish
         * the rules of the algorithmic processing that individual decisions rest on (bodies over 50 FTE, for the
         * others, which the observatory cannot tell). Null when the population is unknown.
         */
        public Boolean crpaL312_1_3() {
            boolean territorial = kind == DeclarantKind.COMMUNE || kind == DeclarantKind.EPCI
                    || kind == DeclarantKind.DEPARTEMENT || kind == DeclarantKind.REGION;
            return territorial && population != null ? population >= Stratum.LEGAL_THRESHOLD : null;
        }
    }

    /** The declaration the usage comes from. */
    public record Source(UUID declarationId, String declarationHash, LocalDate periodStart, Instant issuedAt) {
    }
}
