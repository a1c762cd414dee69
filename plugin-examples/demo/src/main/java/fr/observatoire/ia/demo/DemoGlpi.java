package fr.observatoire.ia.demo;

import fr.observatoire.ia.plugin.glpi.testing.SimulatedGlpi;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The helpdesk of the Communauté d'agglomération de la Riviera Française: its tickets, categories and entities,
 * served as GLPI 10's legacy REST API ({@code apirest.php}) serves them by the GLPI plugin's {@link SimulatedGlpi}
 * (session opened with a user token and an App-Token, {@code search/Ticket} with strict date criteria,
 * {@code Content-Range} and 206 paging, entity names HTML-encoded as GLPI 10 stores them, {@code killSession}).
 * The tickets are invented and plausible; some are not about AI, and are never asked for.
 */
final class DemoGlpi {
    static final String NAME = "demo-glpi";
    static final String PREFIX = "/glpi/";
    static final String USER_TOKEN = "tQ3bV8kLm2Wx9RzY4nH6pJ1sD5fG7cA0eU2iO8vB";
    static final String APP_TOKEN = "riviera-observatoire-2bd1c7e94a";
    private static final String SESSION_TOKEN = "6f0c1b9d2e8a4f3c7b5d1e9a8c2f4b6d";
    private static final String ROOT = "Entité racine > CA de la Riviera Française";

    /** GLPI ITIL categories: the AI ones the DSI created, and two everyday ones. */
    static final int CATEGORY_ERROR = 112;
    static final int CATEGORY_PERSONAL_DATA = 113;
    static final int CATEGORY_INAPPROPRIATE = 114;
    static final int CATEGORY_OUTAGE = 115;
    static final int CATEGORY_ACCESS_REQUEST = 118;
    private static final int CATEGORY_PRINTER = 12;
    private static final int CATEGORY_MAIL = 27;

    /** The entities of the CA's GLPI and the service each stands for (configuration of the plugin). */
    static final Map<String, String> ENTITY_SERVICES = entityServices();

    private static Map<String, String> entityServices() {
        Map<String, String> entities = new LinkedHashMap<>();
        entities.put(ROOT + " > Direction générale", "GENERAL_MANAGEMENT");
        entities.put(ROOT + " > Ressources humaines", "HUMAN_RESOURCES");
        entities.put(ROOT + " > Finances et commande publique", "FINANCE");
        entities.put(ROOT + " > Mobilité et transports", "TECHNICAL_SERVICES");
        entities.put(ROOT + " > Environnement et déchets", "ENVIRONMENT");
        entities.put(ROOT + " > Habitat et urbanisme", "URBAN_PLANNING");
        entities.put(ROOT + " > Direction du numérique", "INFORMATION_SYSTEMS");
        return entities;
    }

    /** One ticket as GLPI's database holds it; only id, category, date, entity and priority are ever asked for. */
    record Ticket(long id, int category, LocalDateTime opened, String entity, int priority, String title)
            implements SimulatedGlpi.Ticket {
        boolean aboutAi() {
            return category >= CATEGORY_ERROR;
        }
    }

    private record Template(int category, String entity, int priority, String title) {
    }

    private static final List<Template> TEMPLATES = List.of(
            new Template(CATEGORY_ERROR, "Habitat et urbanisme", 3, "Note de synthèse PLUi : l'assistant cite un article du code de l'urbanisme abrogé"),
            new Template(CATEGORY_ERROR, "Mobilité et transports", 2, "Horaires de la ligne 100 faux dans une réponse rédigée avec Le Chat"),
            new Template(CATEGORY_ERROR, "Finances et commande publique", 4, "Montant de marché erroné dans un rapport au conseil communautaire préparé avec l'IA"),
            new Template(CATEGORY_ERROR, "Direction générale", 3, "Compte rendu de bureau : décisions inventées par l'outil de résumé"),
            new Template(CATEGORY_ERROR, "Environnement et déchets", 2, "Calendrier de collecte mal traduit en italien"),
            new Template(CATEGORY_ERROR, "Ressources humaines > Paie", 3, "Simulation de paie : taux de cotisation inventé"),
            new Template(CATEGORY_ERROR, "Habitat et urbanisme", 2, "Courrier de réponse : mauvaise référence cadastrale proposée"),
            new Template(CATEGORY_PERSONAL_DATA, "Ressources humaines", 4, "Tableau d'arrêts maladie collé dans un outil d'IA grand public"),
            new Template(CATEGORY_PERSONAL_DATA, "Mobilité et transports", 3, "Liste d'abonnés au transport scolaire envoyée à un traducteur en ligne"),
            new Template(CATEGORY_INAPPROPRIATE, "Environnement et déchets", 2, "Réponse désobligeante proposée à une réclamation d'usager"),
            new Template(CATEGORY_INAPPROPRIATE, "Direction générale", 1, "Ton trop familier dans un projet de discours"),
            new Template(CATEGORY_OUTAGE, "Direction du numérique", 3, "Le Chat Pro inaccessible depuis le réseau de l'agglomération"),
            new Template(CATEGORY_OUTAGE, "Direction du numérique", 2, "Quota d'API atteint sur l'assistant de rédaction"),
            new Template(CATEGORY_ACCESS_REQUEST, "Ressources humaines", 2, "Demande de compte Le Chat Pro pour le service recrutement"),
            new Template(CATEGORY_ACCESS_REQUEST, "Finances et commande publique", 2, "Accès à Le Chat Pro pour l'analyse des offres"),
            new Template(CATEGORY_ACCESS_REQUEST, "Mobilité et transports", 2, "Demande d'accès à Le Chat Pro (cellule information voyageurs)"),
            new Template(CATEGORY_ACCESS_REQUEST, "Habitat et urbanisme", 3, "Comptes Le Chat Pro pour l'instruction des autorisations"),
            new Template(CATEGORY_ACCESS_REQUEST, "Direction générale", 2, "Le Chat Pro pour le secrétariat des assemblées"),
            new Template(CATEGORY_ACCESS_REQUEST, "Office de tourisme", 2, "Demande d'accès à Le Chat Pro pour les traductions"),
            new Template(CATEGORY_PRINTER, "Finances et commande publique", 2, "Imprimante du 2e étage en bourrage"),
            new Template(CATEGORY_PRINTER, "Habitat et urbanisme", 3, "Traceur A0 hors service"),
            new Template(CATEGORY_MAIL, "Ressources humaines", 3, "Boîte partagée recrutement pleine"),
            new Template(CATEGORY_MAIL, "Direction générale", 4, "Messagerie indisponible sur mobile"));

    private final List<Ticket> tickets;
    private final SimulatedGlpi simulation;

    /**
     * @param now GLPI's local time now: tickets were opened during the six days before it, the latest an hour ago
     */
    DemoGlpi(LocalDateTime now) {
        this.tickets = tickets(now.truncatedTo(ChronoUnit.SECONDS));
        this.simulation = SimulatedGlpi.builder()
                .name(NAME)
                .root(PREFIX)
                .legacyApi(USER_TOKEN, APP_TOKEN, SESSION_TOKEN)
                .htmlEncodedEntityNames(true) // GLPI 10 stores names HTML-encoded
                .build();
        simulation.add(tickets);
    }

    private static List<Ticket> tickets(LocalDateTime now) {
        Random random = new Random(240600551L);
        List<Ticket> list = new ArrayList<>();
        long id = 48_213;
        // Each template twice, at different moments: 46 tickets, 38 of them in AI categories.
        for (int round = 0; round < 2; round++) {
            for (Template t : TEMPLATES) {
                LocalDateTime opened = now.minusHours(1).minusSeconds(random.nextInt(6 * 24 * 3600));
                int priority = round == 0 ? t.priority() : Math.max(1, Math.min(4, t.priority() + random.nextInt(3) - 1));
                String entity = ROOT + " > " + t.entity();
                list.add(new Ticket(0, t.category(), opened, entity, priority, t.title()));
            }
        }
        list.sort(Comparator.comparing(Ticket::opened));
        List<Ticket> numbered = new ArrayList<>();
        for (Ticket t : list) {
            numbered.add(new Ticket(id, t.category(), t.opened(), t.entity(), t.priority(), t.title()));
            id += 1 + (id % 3); // other tickets were opened in between
        }
        return List.copyOf(numbered);
    }

    List<Ticket> tickets() {
        return tickets;
    }

    /** The WireMock extension serving this helpdesk, under {@link #PREFIX}; its stub is {@code simulation().stub()}. */
    SimulatedGlpi simulation() {
        return simulation;
    }
}
