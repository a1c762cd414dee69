package fr.observatoire.ia.server.collectivite;

import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.server.enrolment.KeyState;

import java.time.Instant;
import java.util.List;

/**
 * A registered collectivité as the admin sees it: its keys and whether an unused enrolment code is
 * waiting (never the code itself: only its hash is kept).
 */
public record AdminCollectiviteView(String siren, DeclarantKind kind, String name, String inseeCode, String uai, Long population,
                                    Instant registeredAt, List<KeyView> keys, Instant enrolmentCodePendingUntil) {
    public record KeyView(String kid, KeyState state, Instant enrolledAt) {
    }
}
