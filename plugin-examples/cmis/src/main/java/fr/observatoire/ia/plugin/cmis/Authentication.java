package fr.observatoire.ia.plugin.cmis;

import fr.observatoire.ia.spi.PluginConfig;
import fr.observatoire.ia.spi.PluginException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import static fr.observatoire.ia.plugin.cmis.CmisSettings.key;

/**
 * How requests authenticate: HTTP Basic with a user name and password (Alfresco and Nuxeo), an Alfresco ticket
 * (sent as Basic with the base64 of the ticket, as Alfresco's public API expects), or nothing.
 * {@link #toString()} never shows the secret.
 */
final class Authentication {
    private final String kind;
    private final String header;

    private Authentication(String kind, String header) {
        this.kind = kind;
        this.header = header;
    }

    static Authentication read(PluginConfig config) throws PluginException {
        Optional<String> username = config.get("username").filter(s -> !s.isBlank());
        Optional<String> password = config.get("password");
        Optional<String> ticket = config.get("ticket").map(String::trim).filter(s -> !s.isEmpty());
        if (ticket.isPresent()) {
            if (username.isPresent()) {
                throw new PluginException("set either " + key("ticket") + " or " + key("username") + "/" + key("password") + ", not both");
            }
            return new Authentication("ticket", basic(ticket.get()));
        }
        if (username.isPresent() != password.isPresent()) {
            throw new PluginException(key("username") + " and " + key("password") + " go together: set both or neither");
        }
        if (username.isPresent()) {
            if (username.get().contains(":")) {
                throw new PluginException(key("username") + " cannot contain ':' (HTTP Basic separates it from the password with one)");
            }
            return new Authentication("basic", basic(username.get() + ":" + password.get()));
        }
        return new Authentication("none", null);
    }

    private static String basic(String secret) {
        return "Basic " + Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
    }

    Optional<String> header() {
        return Optional.ofNullable(header);
    }

    /** What to check when the repository answers 401, naming the settings involved. */
    String advice() {
        return switch (kind) {
            case "ticket" -> "the ticket in " + key("ticket") + " is unknown or expired (Alfresco tickets expire): "
                    + "renew it, or use " + key("username") + " and " + key("password");
            case "basic" -> "the repository refused the user name and password: check " + key("username") + " and " + key("password");
            default -> "no credentials are configured: set " + key("username") + " and " + key("password") + ", or " + key("ticket");
        };
    }

    /** The setting naming the account, for messages about what that account may do. */
    String accountSetting() {
        return "ticket".equals(kind) ? key("ticket") : key("username");
    }

    @Override
    public String toString() {
        return "Authentication[" + kind + "]";
    }
}
