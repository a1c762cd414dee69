package fr.observatoire.ia.server.registry;

import java.util.List;
import java.util.Map;

/**
 * One register's view of the public register: the fields of its standard, filled from what the collectivités
 * declared. What the declarations cannot say is left empty and listed in {@code missingRequired} (required fields)
 * or in {@link #unmapped()} (docs/register-exports.md explains each).
 */
public interface RegisterExport {
    /** Path segment of the export, e.g. {@code algoritmeregister}. */
    String id();

    /** The standard and version this follows. */
    String standard();

    /** Whether the usage belongs in this register (Annex VIII only lists high-risk systems). */
    default boolean covers(PublicUsage usage) {
        return true;
    }

    /** The usage as a record of the standard: nested maps, in the standard's order. */
    Map<String, Object> record(PublicUsage usage);

    /** Fields of the standard this export never fills, because no declaration carries them. */
    List<String> unmapped();
}
