package fr.observatoire.ia.server.collectivite;

import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.model.Identifiers;
import fr.observatoire.ia.protocol.messages.ProblemType;
import fr.observatoire.ia.server.problem.ApiProblem;
import fr.observatoire.ia.server.referential.Commune;
import fr.observatoire.ia.server.referential.Departement;
import fr.observatoire.ia.server.referential.Epci;
import fr.observatoire.ia.server.referential.Referential;
import fr.observatoire.ia.server.referential.Region;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Turns a registration request into a collectivité: what the referential knows (name, population, territory,
 * kind) fills what the request leaves out, and a collectivité the referential should know but does not is
 * refused (422 unknown-collectivite) instead of being registered with a typo in its SIREN. Kinds the
 * referential does not cover (schools, syndicats, other bodies) are taken as given, within a known département.
 */
@ApplicationScoped
public class RegistrationResolver {
    /** Deliberately loose: the address is checked by whoever writes to it; this only catches a pasted name. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int EMAIL_MAX = 254;

    private final Referential referential;

    @Inject
    public RegistrationResolver(Referential referential) {
        this.referential = referential;
    }

    /** What the referential says about a collectivité, before the request's own values are applied. */
    private record Known(DeclarantKind kind, String siren, String inseeCode, String name, Long population,
                         String departement, String epciSiren) {
    }

    public Collectivite resolve(RegistrationRequest request, Instant registeredAt) {
        String siren = blankToNull(request.siren());
        if (siren != null && !Identifiers.isValidSiren(siren)) {
            throw invalidSiren(siren);
        }
        String insee = blankToNull(request.inseeCode());
        DeclarantKind kind = request.kind() == null ? inferKind(siren, insee) : parseKind(request.kind());
        Known known = switch (kind) {
            case COMMUNE -> commune(siren, insee, request.departement());
            case EPCI -> epci(siren, insee);
            case DEPARTEMENT -> departement(siren, insee);
            case REGION -> region(siren, insee);
            case ETABLISSEMENT_SCOLAIRE, SYNDICAT, OTHER -> outsideReferential(kind, siren, insee, request);
        };
        return build(known, request, registeredAt);
    }

    private Collectivite build(Known known, RegistrationRequest request, Instant registeredAt) {
        String name = request.name() == null ? known.name() : request.name().strip();
        if (name == null || name.isEmpty()) {
            throw new ApiProblem(ProblemType.INVALID_DECLARANT, "'name' is required for a " + known.kind() + " (the referential does not have it)");
        }
        Long population = request.population() == null ? known.population() : request.population();
        if (population != null && population < 0) {
            throw new ApiProblem(ProblemType.INVALID_DECLARANT, "'population' must be >= 0, was " + population);
        }
        String email = contactEmail(request.contactEmail());
        Declarant declarant;
        try {
            declarant = new Declarant(known.kind(), known.siren(), known.inseeCode(), blankToNull(request.uai()), name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiProblem(ProblemType.INVALID_DECLARANT, e.getMessage());
        }
        return new Collectivite(declarant.siren(), declarant.kind(), declarant.name(), declarant.inseeCode(), declarant.uai(),
                population, known.departement(), known.epciSiren(), email, registeredAt);
    }

    private Known commune(String siren, String insee, String departement) {
        if (siren == null && insee == null) {
            throw new ApiProblem(ProblemType.INVALID_DECLARANT, "a commune is registered by its 'siren' or its 'inseeCode'");
        }
        Commune bySiren = siren == null ? null : referential.communeBySiren(siren)
                .orElseThrow(() -> unknown("no commune of the referential has the SIREN '" + siren + "'"));
        Commune byInsee = insee == null ? null : referential.communeByInsee(insee)
                .orElseThrow(() -> unknown("no commune of the referential has the INSEE code '" + insee + "'"));
        if (bySiren != null && byInsee != null && !bySiren.equals(byInsee)) {
            throw new ApiProblem(ProblemType.INVALID_DECLARANT, "the SIREN " + siren + " is the commune " + bySiren.name() + " (INSEE "
                    + bySiren.insee() + "), the INSEE code " + insee + " is " + byInsee.name());
        }
        Commune commune = bySiren != null ? bySiren : byInsee;
        if (departement != null && !departement.equals(commune.departement())) {
            throw new ApiProblem(ProblemType.INVALID_DECLARANT, commune.name() + " is in the département " + commune.departement()
                    + ", not '" + departement + "'");
        }
        return new Known(DeclarantKind.COMMUNE, commune.siren(), commune.insee(), commune.name(), commune.population(),
                commune.departement(), commune.epciSiren());
    }

    private Known epci(String siren, String insee) {
        if (siren == null) {
            throw invalidSiren(null);
        }
        if (insee != null) {
            throw new ApiProblem(ProblemType.INVALID_DECLARANT, "an EPCI has no INSEE code (its SIREN identifies it), 'inseeCode' was '" + insee + "'");
        }
        Epci epci = referential.epciBySiren(siren)
                .orElseThrow(() -> unknown("no EPCI à fiscalité propre of the referential has the SIREN '" + siren + "'"));
        return new Known(DeclarantKind.EPCI, siren, null, epci.name(), epci.population(), epci.departement(), epci.siren());
    }

    private Known departement(String siren, String insee) {
        Departement departement = referential.departement(requireInsee(insee, "département"))
                .orElseThrow(() -> unknown("no département of the referential has the INSEE code '" + insee + "'"));
        return new Known(DeclarantKind.DEPARTEMENT, requireSirenNotInReferential(siren), departement.code(), departement.name(),
                departement.population(), departement.code(), null);
    }

    private Known region(String siren, String insee) {
        Region region = referential.region(requireInsee(insee, "région"))
                .orElseThrow(() -> unknown("no région of the referential has the INSEE code '" + insee + "'"));
        return new Known(DeclarantKind.REGION, requireSirenNotInReferential(siren), region.code(), region.name(), region.population(),
                null, null);
    }

    /** Schools, syndicats and other bodies: not in the referential, placed in a département of it. */
    private Known outsideReferential(DeclarantKind kind, String siren, String insee, RegistrationRequest request) {
        String code = blankToNull(request.departement());
        if (kind == DeclarantKind.ETABLISSEMENT_SCOLAIRE && code == null) {
            throw new ApiProblem(ProblemType.INVALID_DECLARANT,
                    "a school is registered by its UAI within its département: 'departement' is required");
        }
        if (code != null && referential.departement(code).isEmpty()) {
            throw new ApiProblem(ProblemType.UNKNOWN_TERRITORY, "no département of the referential has the code '" + code + "'");
        }
        String uai = blankToNull(request.uai());
        if (kind == DeclarantKind.ETABLISSEMENT_SCOLAIRE && Identifiers.isValidUai(uai) && !code.equals(departementOfUai(uai))) {
            throw new ApiProblem(ProblemType.INVALID_DECLARANT, "the UAI " + uai + " belongs to the département "
                    + departementOfUai(uai) + ", not '" + code + "'");
        }
        String checked = requireSiren(siren);
        referential.bySiren(checked).ifPresent(c -> {
            throw new ApiProblem(ProblemType.INVALID_DECLARANT, "the SIREN " + checked + " is the " + c.kind().name().toLowerCase()
                    + " " + c.name() + " of the referential: register it with that kind");
        });
        return new Known(kind, checked, insee, null, null, code, null);
    }

    private DeclarantKind inferKind(String siren, String insee) {
        if (siren != null) {
            return referential.bySiren(siren)
                    .map(c -> DeclarantKind.valueOf(c.kind().name()))
                    .orElseThrow(() -> unknown("no commune or EPCI of the referential has the SIREN '" + siren
                            + "'; for a school, a syndicat or another body, give its 'kind'"));
        }
        if (insee != null && insee.length() == 5) {
            return DeclarantKind.COMMUNE;
        }
        throw new ApiProblem(ProblemType.INVALID_DECLARANT, "'kind' must be one of " + Arrays.toString(DeclarantKind.values())
                + " when neither the SIREN nor a 5-character INSEE code says it");
    }

    /**
     * The département a UAI belongs to: its first three digits are the département's number with a leading 0 in
     * metropolitan France, 620 and 720 for Corse-du-Sud and Haute-Corse, 971 to 976 overseas.
     */
    static String departementOfUai(String uai) {
        String prefix = uai.substring(0, 3);
        return switch (prefix) {
            case "620" -> "2A";
            case "720" -> "2B";
            default -> prefix.startsWith("97") ? prefix : prefix.substring(1);
        };
    }

    private static String requireInsee(String insee, String what) {
        if (insee == null) {
            throw new ApiProblem(ProblemType.INVALID_DECLARANT, "a " + what + " is registered by its 'inseeCode'");
        }
        return insee;
    }

    private static String requireSiren(String siren) {
        if (siren == null) {
            throw invalidSiren(null);
        }
        return siren;
    }

    /** Départements and régions: the referential has no SIREN for them, so the request must carry it. */
    private static String requireSirenNotInReferential(String siren) {
        if (siren == null) {
            throw new ApiProblem(ProblemType.INVALID_SIREN, "'siren' is required: the referential does not give the SIREN of départements and régions");
        }
        return siren;
    }

    private static String contactEmail(String email) {
        String value = blankToNull(email);
        if (value != null && (value.length() > EMAIL_MAX || !EMAIL.matcher(value).matches())) {
            throw new ApiProblem(ProblemType.INVALID_DECLARANT, "'contactEmail' must be an e-mail address of at most " + EMAIL_MAX
                    + " characters, was '" + value + "'");
        }
        return value;
    }

    private static DeclarantKind parseKind(String kind) {
        try {
            return DeclarantKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(ProblemType.INVALID_DECLARANT,
                    "'kind' must be one of " + Arrays.toString(DeclarantKind.values()) + ", was '" + kind + "'");
        }
    }

    private static ApiProblem invalidSiren(String siren) {
        return new ApiProblem(ProblemType.INVALID_SIREN, "'siren' must be 9 digits with a valid Luhn key, was '" + siren + "'");
    }

    private static ApiProblem unknown(String detail) {
        return new ApiProblem(ProblemType.UNKNOWN_COLLECTIVITE, detail);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
