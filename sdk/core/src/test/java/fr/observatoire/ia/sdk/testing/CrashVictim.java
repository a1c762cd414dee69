package fr.observatoire.ia.sdk.testing;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.sdk.ObservatoireSdk;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Run in a child JVM by the crash test: records 1,000 actions, checkpoints them, says READY, records 5 more
 * (checkpointed, or not, by the periodic checkpoint) and waits to be killed with SIGKILL.
 */
public final class CrashVictim {
    public static final int CHECKPOINTED = 1_000;
    public static final int AT_RISK = 5;

    private CrashVictim() {
    }

    public static void main(String[] args) throws Exception {
        ObservatoireSdk sdk = Sdks.builder(Path.of(args[0]), new MutableClock(TestData.WEDNESDAY), "http://127.0.0.1:9")
                .checkpointInterval(Duration.ofMillis(50))
                .shutdownHook(false)
                .build();
        sdk.declareInventory(TestData.inventory("redaction"));
        for (int i = 0; i < CHECKPOINTED; i++) {
            sdk.activity("redaction", Service.FINANCE, ActionKind.PROMPT).increment();
        }
        // A checkpoint surely done (flush runs one), so the test does not depend on the machine's speed.
        if (!sdk.flush(Duration.ofSeconds(30))) {
            System.out.println("FLUSH FAILED");
        }
        System.out.println("READY");
        System.out.flush();
        sdk.activity("redaction", Service.FINANCE, ActionKind.PROMPT).add(AT_RISK);
        Thread.sleep(60_000);
    }
}
