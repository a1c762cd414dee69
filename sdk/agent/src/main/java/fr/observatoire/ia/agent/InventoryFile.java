package fr.observatoire.ia.agent;

import fr.observatoire.ia.model.Inventory;
import fr.observatoire.ia.protocol.json.InvalidJsonException;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.sdk.ObservatoireSdk;
import org.eclipse.microprofile.config.Config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The inventory of AI usages the collectivité writes by hand, for a collectivité whose only Java program is the
 * agent: a JSON file in the declaration's {@code inventory} format, named by {@value #KEY}. Usages that plugins
 * detect are merged with it (the hand-written ones win), and counts for its usage ids are declared.
 */
final class InventoryFile {
    static final String KEY = "observatoire.inventory";

    private InventoryFile() {
    }

    static void declare(Config config, ObservatoireSdk sdk, Messages messages) {
        Optional<String> file = config.getOptionalValue(KEY, String.class).filter(value -> !value.isBlank());
        if (file.isEmpty()) {
            return;
        }
        Path path = Path.of(file.get().trim());
        try {
            sdk.declareInventory(ProtocolJson.read(Files.readAllBytes(path), Inventory.class));
        } catch (IOException e) {
            throw new AgentException(ExitCode.USAGE, messages.get("inventory.unreadable", KEY, path.toAbsolutePath(), e.getMessage()));
        } catch (InvalidJsonException e) {
            throw new AgentException(ExitCode.USAGE, messages.get("inventory.invalid", KEY, path.toAbsolutePath(), e.getMessage()));
        }
    }
}
