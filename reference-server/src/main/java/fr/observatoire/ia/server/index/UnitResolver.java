package fr.observatoire.ia.server.index;

import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.server.collectivite.Collectivite;
import fr.observatoire.ia.server.referential.Commune;
import fr.observatoire.ia.server.referential.Referential;
import fr.observatoire.ia.server.referential.Stratum;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The statistical unit of a registered collectivité. The referential is authoritative for the kinds it covers
 * (the stratum comes from its population, the one adoption rates are computed against, whatever population the
 * admin typed); the registration columns serve the kinds it does not cover and collectivités registered before
 * the territory columns existed.
 */
@ApplicationScoped
public class UnitResolver {
    private final Referential referential;

    @Inject
    public UnitResolver(Referential referential) {
        this.referential = referential;
    }

    public Unit unitOf(Collectivite c) {
        return switch (c.kind()) {
            case COMMUNE -> referential.communeByInsee(c.inseeCode()).or(() -> referential.communeBySiren(c.siren()))
                    .map(commune -> commune(c, commune))
                    .orElseGet(() -> registered(c, c.inseeCode()));
            case EPCI -> referential.epciBySiren(c.siren())
                    .map(e -> new Unit(c.siren(), c.kind(), c.name(), e.departement(), e.siren(), null, e.stratum()))
                    .orElseGet(() -> registered(c, null));
            case DEPARTEMENT -> referential.departement(c.inseeCode())
                    .map(d -> new Unit(c.siren(), c.kind(), c.name(), d.code(), null, null, Stratum.of(d.population())))
                    .orElseGet(() -> registered(c, null));
            case REGION -> referential.region(c.inseeCode())
                    .map(r -> new Unit(c.siren(), c.kind(), c.name(), null, null, null, Stratum.of(r.population())))
                    .orElseGet(() -> registered(c, null));
            case ETABLISSEMENT_SCOLAIRE, SYNDICAT, OTHER -> registered(c, null);
        };
    }

    private static Unit commune(Collectivite c, Commune commune) {
        return new Unit(c.siren(), DeclarantKind.COMMUNE, c.name(), commune.departement(), commune.epciSiren(), commune.insee(),
                commune.stratum());
    }

    private static Unit registered(Collectivite c, String commune) {
        return new Unit(c.siren(), c.kind(), c.name(), c.departement(), c.epciSiren(), commune, c.stratum());
    }
}
