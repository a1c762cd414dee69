package fr.observatoire.ia.server.collectivite;

import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.server.enrolment.KeyState;
import fr.observatoire.ia.server.referential.Stratum;

import java.time.Instant;
import java.util.List;

/**
 * A registered collectivité as the admin sees it: its keys and whether an unused enrolment code is
 * waiting (never the code itself: only its hash is kept).
 */
public record AdminCollectiviteView(String siren, DeclarantKind kind, String name, String inseeCode, String uai, Long population,
                                    Stratum stratum, String departement, String epciSiren, String contactEmail,
                                    Instant registeredAt, List<KeyView> keys, Instant enrolmentCodePendingUntil) {
    public record KeyView(String kid, KeyState state, Instant enrolledAt) {
    }

    static AdminCollectiviteView of(Collectivite c, List<KeyView> keys, Instant enrolmentCodePendingUntil) {
        return new AdminCollectiviteView(c.siren(), c.kind(), c.name(), c.inseeCode(), c.uai(), c.population(), c.stratum(),
                c.departement(), c.epciSiren(), c.contactEmail(), c.registeredAt(), keys, enrolmentCodePendingUntil);
    }
}
