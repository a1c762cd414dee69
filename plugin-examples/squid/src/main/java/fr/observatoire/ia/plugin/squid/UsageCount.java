package fr.observatoire.ia.plugin.squid;

import fr.observatoire.ia.model.Service;

/**
 * Accesses to one AI service from one service of the collectivité during a scan.
 *
 * @param usageId the AI service id (and usage id), e.g. {@code chatgpt}
 * @param service the collectivité's service the clients belong to
 * @param count   successful requests (a CONNECT tunnel counts once, whatever it carried)
 */
public record UsageCount(String usageId, Service service, long count) {
}
