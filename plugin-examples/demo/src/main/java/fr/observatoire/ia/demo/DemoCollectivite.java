package fr.observatoire.ia.demo;

import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.model.PeriodKind;

import java.nio.file.Path;

/** One collectivité of the demo: who it is, how often it declares, and what its tools record. */
interface DemoCollectivite {
    Declarant declarant();

    /** Weekly by default; a month for small communes, whose weekly counts would be too thin. */
    default PeriodKind periodKind() {
        return PeriodKind.WEEK;
    }

    /** Declares the inventory and records a period's worth of activity through the SDK or a plugin. */
    void simulate(fr.observatoire.ia.sdk.ObservatoireSdk sdk, Path workDir) throws Exception;

    /** One line saying where its data came from, for the console. */
    String story();
}
