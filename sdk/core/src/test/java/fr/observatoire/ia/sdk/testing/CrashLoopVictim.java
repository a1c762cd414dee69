package fr.observatoire.ia.sdk.testing;

import fr.observatoire.ia.api.ActivityCounter;
import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.sdk.ObservatoireSdk;

import java.time.Duration;
import java.nio.file.Path;

/**
 * Run in a child JVM, again and again, by {@code CrashLoopTest}, which kills it with SIGKILL at random moments.
 * Records {@value #STEP} actions at a time, saying so on stdout ({@code R <total> <epoch ms>}) after each, and
 * declares every few steps. With {@code final} as third argument it declares what is left, waits until the
 * observatory has everything and closes.
 */
public final class CrashLoopVictim {
    public static final int STEP = 3;
    public static final Duration CHECKPOINT_INTERVAL = Duration.ofMillis(50);

    private CrashLoopVictim() {
    }

    public static void main(String[] args) throws Exception {
        ObservatoireSdk sdk = Sdks.builder(Path.of(args[0]), new MutableClock(TestData.WEDNESDAY), args[1])
                .checkpointInterval(CHECKPOINT_INTERVAL)
                .build();
        if (args.length > 2 && args[2].equals("final")) {
            sdk.closePeriodNow();
            System.out.println(sdk.flush(Duration.ofSeconds(30)) ? "FLUSHED" : "NOT FLUSHED");
            sdk.close();
            return;
        }
        sdk.declareInventory(TestData.inventory("redaction"));
        ActivityCounter prompts = sdk.activity("redaction", Service.FINANCE, ActionKind.PROMPT);
        System.out.println("STARTED");
        long total = 0;
        for (int step = 1; ; step++) {
            prompts.add(STEP);
            total += STEP;
            System.out.println("R " + total + " " + System.currentTimeMillis());
            if (step % 15 == 0) {
                System.out.println("D " + sdk.closePeriodNow().declaration().sequence());
            }
            Thread.sleep(3);
        }
    }
}
