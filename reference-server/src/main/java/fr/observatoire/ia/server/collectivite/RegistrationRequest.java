package fr.observatoire.ia.server.collectivite;

/**
 * What the admin sends to register a collectivité. Fields are plain text here and checked by
 * {@link CollectiviteService} with the model's own rules, so that every mistake gets a message that names it.
 *
 * @param kind       a {@link fr.observatoire.ia.model.DeclarantKind} constant, e.g. {@code COMMUNE}
 * @param siren      nine digits with a Luhn key
 * @param inseeCode  COG code, required for communes, départements and régions
 * @param uai        school identifier, required for établissements scolaires
 * @param name       official name
 * @param population number of inhabitants, when known
 */
public record RegistrationRequest(String kind, String siren, String inseeCode, String uai, String name, Long population) {
}
