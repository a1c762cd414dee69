package fr.observatoire.ia.server.collectivite;

/**
 * What the admin sends to register a collectivité. Fields are plain text here and checked by
 * {@link RegistrationResolver} with the referential and the model's own rules, so that every mistake gets a
 * message that names it.
 *
 * <p>A commune is registered by its SIREN or its INSEE code, an EPCI by its SIREN, a département or a région by
 * its INSEE code and its SIREN (the referential has none for them); what the referential knows (name, population,
 * territory, and the kind when the SIREN or INSEE code says it) is filled in when absent. Schools and syndicats
 * are not in the referential: they need their SIREN, their name and their département.
 *
 * @param kind         a {@link fr.observatoire.ia.model.DeclarantKind} constant, e.g. {@code COMMUNE}; optional when
 *                     the SIREN or the INSEE code is one of a commune or an EPCI of the referential
 * @param siren        nine digits with a Luhn key
 * @param inseeCode    COG code of a commune, a département or a région
 * @param uai          school identifier, required for établissements scolaires
 * @param name         official name; the referential's when absent
 * @param population   number of inhabitants; the referential's when absent
 * @param departement  COG code of the département, required for a school, optional for a syndicat or another body
 * @param contactEmail a functional contact address (e.g. dpo@, numerique@), published in the registers; never an
 *                     agent's own address
 */
public record RegistrationRequest(String kind, String siren, String inseeCode, String uai, String name, Long population,
                                  String departement, String contactEmail) {
}
