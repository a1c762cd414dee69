package fr.observatoire.ia.agent;

import fr.observatoire.ia.spi.PullPlugin.PullProgress;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * Shows how far a long pull is (a proxy log of several gigabytes): on a terminal, one line rewritten in place a few
 * times a second; otherwise (systemd's journal, a file), one line every {@link #PERIODIC_MILLIS} ms, so that a log
 * shows the work going on without a line per update.
 */
final class ProgressLine implements PullProgress {
    static final long TTY_MILLIS = 200;
    static final long PERIODIC_MILLIS = 10_000;

    private final String plugin;
    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier millis;
    private final Messages messages;
    private long started = Long.MIN_VALUE;
    private long lastShown = Long.MIN_VALUE;
    private boolean lineOpen;

    ProgressLine(String plugin, PrintWriter out, boolean terminal, LongSupplier millis, Messages messages) {
        this.plugin = plugin;
        this.out = out;
        this.terminal = terminal;
        this.millis = millis;
        this.messages = messages;
    }

    @Override
    public synchronized void update(long done, long total) {
        boolean finished = total >= 0 && done >= total;
        long now = millis.getAsLong();
        if (started == Long.MIN_VALUE) {
            started = now;
        }
        long every = terminal ? TTY_MILLIS : PERIODIC_MILLIS;
        // A terminal shows the first update at once; a log waits a period, so that a short pull writes nothing.
        long since = lastShown != Long.MIN_VALUE ? now - lastShown : terminal ? every : now - started;
        boolean shownBefore = lastShown != Long.MIN_VALUE;
        if (since < every && !(finished && (terminal || shownBefore))) {
            return;
        }
        lastShown = now;
        String text = total > 0
                ? messages.get("progress.percent", plugin, Math.min(100, done * 100 / total), done, total)
                : messages.get("progress.count", plugin, done);
        if (terminal) {
            out.print("\r" + text + "\u001b[K");
            if (finished) {
                out.println();
            }
        } else {
            out.println(text);
        }
        lineOpen = terminal && !finished;
        out.flush();
    }

    /** Ends a line left open by a pull that stopped before its end (it failed). */
    synchronized void close() {
        if (terminal && lineOpen) {
            out.println();
            out.flush();
        }
        lineOpen = false;
    }
}
