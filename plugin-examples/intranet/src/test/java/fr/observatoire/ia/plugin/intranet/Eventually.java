package fr.observatoire.ia.plugin.intranet;

import java.util.function.BooleanSupplier;

/** Waits, a bounded time, for something another thread of the container does after the response is sent. */
final class Eventually {
    private Eventually() {
    }

    static void holds(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the condition did not hold within 5 s");
            }
            Thread.sleep(10);
        }
    }
}
