package fr.observatoire.ia.server.support;

import fr.observatoire.ia.server.referential.Commune;
import fr.observatoire.ia.server.referential.Referential;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Valid SIRENs for tests. Test classes share one database, so most tests take fresh ones. Registration checks
 * communes against the referential, so they are real communes' SIRENs, each handed out once per test run.
 */
public final class TestSirens {
    /** The commune of Nice. */
    public static final String NICE = "210600888";
    /** Communes of the Alpes-Maritimes stay out: the statistics and demo tests choose theirs there. */
    private static final List<Commune> COMMUNES = Referential.loadDefault().communes().stream()
            .filter(c -> !c.departement().equals("06"))
            .toList();
    private static final AtomicInteger NEXT = new AtomicInteger();

    private TestSirens() {
    }

    /** The SIREN of a real commune that no other test took in this run. */
    public static String random() {
        return nextCommune().siren();
    }

    /** A real commune that no other test took in this run. */
    public static Commune nextCommune() {
        return COMMUNES.get(NEXT.getAndIncrement() % COMMUNES.size());
    }

    /** The INSEE code of the commune with this SIREN, or null when it is not a commune's. */
    public static String inseeOf(String siren) {
        return Referential.loadDefault().communeBySiren(siren).map(Commune::insee).orElse(null);
    }
}
