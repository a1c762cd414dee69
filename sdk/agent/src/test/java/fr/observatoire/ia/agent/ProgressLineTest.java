package fr.observatoire.ia.agent;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressLineTest {
    private final StringWriter written = new StringWriter();
    private final AtomicLong now = new AtomicLong(1_000);
    private final Messages french = Messages.choose("fr", Map.of());

    @Test
    void onATerminalOneLineIsRewrittenInPlaceAndEndedAtTheEnd() {
        ProgressLine progress = new ProgressLine("squid", new PrintWriter(written), true, now::get, french);

        progress.update(0, 1000);
        now.addAndGet(50);
        progress.update(100, 1000);
        now.addAndGet(ProgressLine.TTY_MILLIS);
        progress.update(500, 1000);
        progress.update(1000, 1000);

        assertThat(written.toString()).isEqualTo("\rsquid : 0 % (0 / 1 000)\u001b[K\rsquid : 50 % (500 / 1 000)\u001b[K"
                .replace(" 000", "\u202f000") + "\rsquid : 100 % (1\u202f000 / 1\u202f000)\u001b[K" + System.lineSeparator());
    }

    @Test
    void inALogAShortPullWritesNothingAndALongOneALineEveryPeriod() {
        ProgressLine shortPull = new ProgressLine("glpi", new PrintWriter(written), false, now::get, french);
        shortPull.update(0, 10);
        shortPull.update(10, 10);
        assertThat(written.toString()).isEmpty();

        ProgressLine longPull = new ProgressLine("squid", new PrintWriter(written), false, now::get, Messages.choose("en", Map.of()));
        longPull.update(0, -1);
        now.addAndGet(ProgressLine.PERIODIC_MILLIS);
        longPull.update(700, -1);
        now.addAndGet(1);
        longPull.update(800, -1);
        now.addAndGet(ProgressLine.PERIODIC_MILLIS);
        longPull.update(900, -1);

        assertThat(written.toString().lines()).containsExactly("squid: 700", "squid: 900");
    }
}
