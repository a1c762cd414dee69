package fr.observatoire.ia.model;

/**
 * Who declares. The SIREN is mandatory and identifies the declarant; the INSEE (COG) code is
 * required for communes, départements and régions; the UAI for schools.
 *
 * @param kind      kind of collectivité
 * @param siren     nine digits with a valid Luhn key
 * @param inseeCode COG code (commune: 5 characters, département: 2 or 3, région: 2), or null
 * @param uai       school identifier (7 digits and a key letter), for {@link DeclarantKind#ETABLISSEMENT_SCOLAIRE}
 * @param name      official name, informative only (the observatory's referential is authoritative)
 */
public record Declarant(DeclarantKind kind, String siren, String inseeCode, String uai, String name) {
    public Declarant {
        Checks.required(kind, "declarant.kind");
        if (!Identifiers.isValidSiren(siren)) {
            throw new IllegalArgumentException("declarant.siren '" + siren + "' is not a valid SIREN (9 digits with a Luhn key)");
        }
        switch (kind) {
            case COMMUNE -> requireCode(Identifiers.isValidCommuneCode(inseeCode), inseeCode, "a commune needs its 5-character INSEE code");
            case DEPARTEMENT -> requireCode(Identifiers.isValidDepartementCode(inseeCode), inseeCode, "a département needs its INSEE code (01-95, 2A, 2B, 971-976)");
            case REGION -> requireCode(Identifiers.isValidRegionCode(inseeCode), inseeCode, "a région needs its 2-digit INSEE code");
            case ETABLISSEMENT_SCOLAIRE -> {
                if (!Identifiers.isValidUai(uai)) {
                    throw new IllegalArgumentException("declarant.uai '" + uai + "' is not a valid UAI (7 digits and a key letter)");
                }
            }
            default -> {
                if (inseeCode != null && !Identifiers.isValidCommuneCode(inseeCode) && !Identifiers.isValidDepartementCode(inseeCode)) {
                    throw new IllegalArgumentException("declarant.inseeCode '" + inseeCode + "' is not an INSEE code");
                }
            }
        }
        if (uai != null && !Identifiers.isValidUai(uai)) {
            throw new IllegalArgumentException("declarant.uai '" + uai + "' is not a valid UAI (7 digits and a key letter)");
        }
        Checks.optionalText(name, "declarant.name", 200);
    }

    private static void requireCode(boolean valid, String code, String message) {
        if (!valid) {
            throw new IllegalArgumentException("declarant.inseeCode '" + code + "' is invalid: " + message);
        }
    }
}
