package fr.observatoire.ia.plugin.glpi;

import java.util.Objects;

/** A token or password: kept as is, never printed, so that settings and exceptions can be logged safely. */
record Secret(String value) {
    Secret {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "****";
    }
}
