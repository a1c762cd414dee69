package com.example.helpdesk.observatoire;

import fr.observatoire.ia.testkit.conformance.HttpSourceFixture;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * The helpdesk's CSV export on WireMock, with what real tickets hold (names, e-mails, titles), quoted fields holding
 * separators and line breaks, and one row edited by hand whose id is not a number.
 */
public class HelpdeskExportFixture extends HttpSourceFixture {
    static final String PATH = "/export/tickets.csv";
    static final String HEADER = "id;category;service;requester;title\n";
    static final String FIRST_TICKETS = """
            101;IA > Demande;CIVIL_REGISTRY;jeanne.martin@mairie-exemple.fr;"Mme Jeanne Martin voudrait ChatGPT pour les courriers"
            102;Imprimante;FINANCE;paul.durand@mairie-exemple.fr;Bourrage papier au 2e étage
            n° 102 bis;IA > Demande;FINANCE;paul.durand@mairie-exemple.fr;Ligne saisie à la main dans l'export
            103;IA > Incident;PUBLIC_RECEPTION;agnes.petit@mairie-exemple.fr;"Le chatbot a répondu ""n'importe quoi""; à M. Bernard Lefèvre"

            104;IA > Demande;URBAN_PLANNING;jeanne.martin@mairie-exemple.fr;"Résumé des avis ; PLU
            sur deux lignes"
            """;
    static final String MORE_TICKETS = """
            105;IA > Demande;CIVIL_REGISTRY;luc.moreau@mairie-exemple.fr;Transcription du conseil municipal pour Luc Moreau
            106;IA > Incident;SOCIAL_ACTION;agnes.petit@mairie-exemple.fr;Données du dossier de Mme Claire Fontaine collées dans un chatbot
            """;

    public String exportUrl() {
        return baseUrl() + PATH;
    }

    @Override
    protected void stubHealthySource(boolean withMoreRecords) {
        server().stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/csv; charset=UTF-8")
                .withBody(HEADER + FIRST_TICKETS + (withMoreRecords ? MORE_TICKETS : ""))));
    }
}
