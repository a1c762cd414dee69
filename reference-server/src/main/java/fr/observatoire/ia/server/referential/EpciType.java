package fr.observatoire.ia.server.referential;

import java.util.Optional;

/** Legal form of an EPCI à fiscalité propre, as coded by the DGCL. */
public enum EpciType {
    CC("communauté de communes", "community of communes"),
    CA("communauté d'agglomération", "agglomeration community"),
    CU("communauté urbaine", "urban community"),
    METRO("métropole", "metropolis"),
    /** The Métropole de Lyon, a collectivité à statut particulier counted among the EPCI. */
    MET69("Métropole de Lyon", "Lyon Metropolis");

    private final String labelFr;
    private final String labelEn;

    EpciType(String labelFr, String labelEn) {
        this.labelFr = labelFr;
        this.labelEn = labelEn;
    }

    /** The DGCL code: CC, CA, CU, METRO or MET69. */
    public String code() {
        return name();
    }

    public String labelFr() {
        return labelFr;
    }

    public String labelEn() {
        return labelEn;
    }

    public static Optional<EpciType> fromCode(String code) {
        for (EpciType t : values()) {
            if (t.name().equals(code)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
