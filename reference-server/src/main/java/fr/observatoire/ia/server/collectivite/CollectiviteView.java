package fr.observatoire.ia.server.collectivite;

import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.server.referential.Stratum;

import java.time.Instant;

/**
 * A registered collectivité as anyone may see it: public identifiers, its place in the referential (stratum,
 * département, EPCI), its functional contact address, and whether it can declare yet.
 */
public record CollectiviteView(String siren, DeclarantKind kind, String name, String inseeCode, String uai, Long population,
                               Stratum stratum, String departement, String epciSiren, String contactEmail,
                               Instant registeredAt, boolean enrolled) {

    static CollectiviteView of(Collectivite c, boolean enrolled) {
        return new CollectiviteView(c.siren(), c.kind(), c.name(), c.inseeCode(), c.uai(), c.population(), c.stratum(),
                c.departement(), c.epciSiren(), c.contactEmail(), c.registeredAt(), enrolled);
    }
}
