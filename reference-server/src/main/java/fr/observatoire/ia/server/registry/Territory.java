package fr.observatoire.ia.server.registry;

import java.util.List;

/**
 * A département as the dashboard shows it: its EPCI and communes from the referential, whether each is registered
 * with the observatory, and the usages it chose to publish (never those kept for statistics only).
 */
public record Territory(String code, String name, List<Place> epcis, List<Place> communes, List<Place> others) {

    /**
     * @param code       INSEE code of a commune, SIREN of an EPCI or of another body
     * @param stratum    size class, null when unknown
     * @param epci       for a commune, the SIREN of its EPCI
     * @param registered whether it is registered with the observatory
     */
    public record Place(String code, String name, String kind, Long population, String stratum, String epci, boolean registered,
                        List<Usage> publicUsages) {
    }

    /** A public usage in short. */
    public record Usage(String id, String name, String purpose, String maturity, String governance, String aiAct) {
    }
}
