package fr.observatoire.ia.plugin.glpi;

import fr.observatoire.ia.plugin.glpi.testing.SimulatedGlpi;

import java.time.LocalDateTime;

/**
 * A GLPI ticket as the fake GLPI ({@link SimulatedGlpi}) stores it, with everything a real one holds: a title and a
 * text written by a person, a requester and a technician. None of it may reach a batch.
 */
record FakeTicket(long id, int category, LocalDateTime opened, int priority, int urgency, int impact, String entity,
                  String title, String content, String requester, String technician) implements SimulatedGlpi.Ticket {

    static final String REQUESTER = "Martine Dupuis";
    static final String REQUESTER_EMAIL = "martine.dupuis@ville-exemple.fr";
    static final String TECHNICIAN = "Karim Benali";
    static final String TITLE = "L'assistant IA a inventé un article de loi dans le courrier de Mme Dupuis";
    static final String CONTENT = "Bonjour, le courrier envoyé à M. Jean Lefèvre (jean.lefevre@exemple.org, 06 12 34 56 78)"
            + " cite un article du CGCT qui n'existe pas. Cordialement, " + REQUESTER + " <" + REQUESTER_EMAIL + ">";

    /** Every personal or free-text value the fake serves, for the privacy assertions. */
    static final String[] PERSONAL_MARKERS = {"Dupuis", "martine.dupuis", "Benali", "Lefèvre", "jean.lefevre", "06 12 34 56 78",
            "article de loi", "Cordialement"};

    static FakeTicket of(long id, int category, LocalDateTime opened, int priority, String entity) {
        return new FakeTicket(id, category, opened, priority, Math.min(priority, 5), Math.min(priority, 5), entity,
                TITLE, CONTENT, REQUESTER, TECHNICIAN);
    }
}
