package fr.observatoire.ia.agent;

import fr.observatoire.ia.sdk.PluginStatus;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the agent writes times and a plugin's health, the same in every command. */
final class Display {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Messages messages;
    private final ZoneId zone;

    Display(Messages messages, ZoneId zone) {
        this.messages = messages;
        this.zone = zone;
    }

    String time(Instant instant) {
        return instant == null ? messages.get("never") : TIME.format(instant.atZone(zone));
    }

    /** One line: name, state, and what a DSI needs to act. */
    String plugin(PluginStatus status) {
        String state = messages.get("plugin.state." + status.state().name());
        return switch (status.state()) {
            case DISABLED -> messages.get("plugin.line.disabled", status.name(), state, status.problem());
            case FAILING -> messages.get("plugin.line.failing", status.name(), state, status.consecutiveFailures(),
                    status.problem(), time(status.lastSuccess()));
            default -> status.kind() == PluginStatus.Kind.PUSH ? messages.get("plugin.line.push", status.name(), state)
                    : status.nextPull() == null ? messages.get("plugin.line.ok", status.name(), state, time(status.lastSuccess()),
                    status.lastRecords())
                    : messages.get("plugin.line.scheduled", status.name(), state, time(status.lastSuccess()), status.lastRecords(),
                    status.interval(), time(status.nextPull()));
        };
    }
}
