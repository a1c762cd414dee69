package fr.observatoire.ia.sdk.testing;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.sdk.ObservatoireSdk;

import java.nio.file.Path;

/**
 * A host application as they are written: builds the SDK with the default settings (shutdown hook included),
 * records, queues a declaration, and returns from main without closing anything. Run in a child JVM by
 * {@code HostExitTest}. Arguments: data directory, endpoint, {@code hook} or {@code no-hook}.
 */
public final class HostApplication {
    public static final int RECORDED_AFTER_DECLARING = 42;

    private HostApplication() {
    }

    public static void main(String[] args) throws Exception {
        ObservatoireSdk sdk = ObservatoireSdk.builder()
                .endpoint(args[1])
                .declarant(TestData.NICE)
                .dataDir(Path.of(args[0]))
                .shutdownHook("hook".equals(args[2]))
                .build();
        sdk.declareInventory(TestData.inventory("redaction"));
        sdk.activity("redaction", Service.FINANCE, ActionKind.PROMPT).add(5);
        sdk.closePeriodNow(); // the sender starts on it at once, against an observatory that is down, slow or refusing
        sdk.activity("redaction", Service.FINANCE, ActionKind.PROMPT).add(RECORDED_AFTER_DECLARING);
        Thread.sleep(300); // the declaration is now in flight, or waiting to be retried
        System.out.println("RETURNING " + System.nanoTime());
        System.out.flush();
    }
}
