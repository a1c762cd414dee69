package fr.observatoire.ia.server.referential;

import java.util.Optional;

/** A territorial entity of the referential: a commune, an EPCI, a département or a région. */
public sealed interface Collectivite permits Commune, Epci, Departement, Region {

    enum Kind {
        COMMUNE, EPCI, DEPARTEMENT, REGION
    }

    Kind kind();

    /** The INSEE (COG) code; for an EPCI, which has none, its SIREN. */
    String code();

    String name();

    /** INSEE population municipale; for a département or a région, the sum over its communes. */
    long population();

    /** The SIREN, when the source gives one (it gives none for départements and régions). */
    Optional<String> sirenIfKnown();
}
