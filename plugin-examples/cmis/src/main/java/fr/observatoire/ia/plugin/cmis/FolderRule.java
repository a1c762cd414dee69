package fr.observatoire.ia.plugin.cmis;

import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.spi.PluginConfig;
import fr.observatoire.ia.spi.PluginException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fr.observatoire.ia.plugin.cmis.CmisSettings.key;

/**
 * One configured folder and the service its documents belong to, from {@code services.<SERVICE>=<folder>,<folder>}.
 * Keys are per service because a plugin's configuration can be looked up but not listed: the services are a
 * closed list, folder paths are not (and a key per service also maps onto an environment variable).
 *
 * @param reference a path ({@code /Sites/etat-civil}) or a folder's objectId
 * @param service   the service of the documents anywhere below that folder
 */
record FolderRule(String reference, Service service) {

    boolean isPath() {
        return reference.startsWith("/");
    }

    String setting() {
        return key("services." + service.name());
    }

    /** Every rule, services in their declared order and folders in the order written: the order ties are broken in. */
    static List<FolderRule> readAll(PluginConfig config) throws PluginException {
        List<FolderRule> rules = new ArrayList<>();
        Map<String, FolderRule> byReference = new HashMap<>();
        for (Service service : Service.values()) {
            String value = config.get("services." + service.name()).orElse("");
            for (String part : value.split(",")) {
                String reference = normalise(part.trim());
                if (reference.isEmpty()) {
                    continue;
                }
                FolderRule rule = new FolderRule(reference, service);
                FolderRule previous = byReference.putIfAbsent(reference, rule);
                if (previous != null) {
                    throw new PluginException("folder '" + reference + "' is listed in both " + previous.setting() + " and " + rule.setting());
                }
                rules.add(rule);
            }
        }
        return rules;
    }

    private static String normalise(String reference) throws PluginException {
        if (reference.chars().anyMatch(Character::isISOControl)) {
            throw new PluginException("a folder in " + key("services.*") + " contains a control character");
        }
        if (reference.startsWith("/")) {
            String path = reference.replaceAll("/+$", "");
            if (path.isEmpty() || path.contains("//")) {
                throw new PluginException("folder path '" + reference + "' in " + key("services.*")
                        + " must name a folder below the root, e.g. /Sites/etat-civil");
            }
            return path;
        }
        return reference;
    }
}
