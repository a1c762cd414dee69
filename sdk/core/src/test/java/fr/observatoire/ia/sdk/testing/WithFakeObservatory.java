package fr.observatoire.ia.sdk.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The fixture of the SDK's tests against a fake observatory: a fresh observatory per test (closed after it), an empty
 * data directory, and a clock stopped on a Wednesday that a test moves by hand.
 */
public abstract class WithFakeObservatory {
    /** How long a test waits for the sender: far beyond what a pass takes, so that only a real failure times out. */
    protected static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    protected Path dataDir;
    protected FakeObservatory observatory;
    protected final MutableClock clock = new MutableClock(TestData.WEDNESDAY);

    @BeforeEach
    void startFakeObservatory() {
        observatory = new FakeObservatory();
    }

    @AfterEach
    void stopFakeObservatory() {
        observatory.close();
    }
}
