package fr.observatoire.ia.hostcompat;

import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.sdk.ObservatoireSdk;
import fr.observatoire.ia.sdk.SdkConfig;

import java.nio.file.Path;

/**
 * Run in a child JVM whose classpath is the one Maven gives a host that pins Jackson 2.12 and HttpClient 5.1 and
 * depends on the plain observatoire-sdk. Arguments: data directory, endpoint, FAIL or NOOP. Says on stdout what the
 * host sees.
 */
public final class UnshadedHost {
    private UnshadedHost() {
    }

    public static void main(String[] args) {
        try (ObservatoireSdk sdk = ObservatoireSdk.builder()
                .endpoint(args[1])
                .declarant(new Declarant(DeclarantKind.COMMUNE, "210600888", "06088", null, "Commune de Nice"))
                .dataDir(Path.of(args[0]))
                .shutdownHook(false)
                .onInvalidConfig(SdkConfig.OnInvalidConfig.valueOf(args[2]))
                .build()) {
            System.out.println("BUILT enabled=" + sdk.isEnabled() + " reason=" + sdk.status().disabledReason());
        } catch (Throwable t) {
            System.out.println("THREW " + t.getClass().getName() + ": " + t.getMessage());
        }
        System.out.println("HOST STILL RUNNING");
    }
}
