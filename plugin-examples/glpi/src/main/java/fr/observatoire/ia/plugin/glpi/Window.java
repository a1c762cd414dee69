package fr.observatoire.ia.plugin.glpi;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * The tickets one pull counts: those whose opening date, in GLPI's local time, is in [from, to).
 *
 * <p>Windows of successive pulls are contiguous ({@code from} is the previous {@code to}), so each ticket falls in
 * exactly one. {@code to} is "now minus the settle delay", at second precision like GLPI's dates: it is always
 * in the past, so no ticket can still appear in a window already counted (a ticket opened during the last second
 * goes to the next window), and the ticket set of a window does not move while the pull pages through it.
 */
record Window(LocalDateTime from, LocalDateTime to) {

    Window {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window ends before it starts: " + from + " > " + to);
        }
    }

    boolean contains(LocalDateTime opened) {
        return !opened.isBefore(from) && opened.isBefore(to);
    }

    /**
     * The window after {@code cursor}. Without a cursor, the first pull starts at {@code since}, or, when that is
     * not set, counts nothing and only places the cursor: a first run must not declare years of history as this
     * week's activity. If the clock went back, the window is empty and the cursor stays.
     */
    static Window next(Optional<OpeningCursor> cursor, Optional<LocalDateTime> since, Instant now, Duration settle, ZoneId zone) {
        LocalDateTime until = LocalDateTime.ofInstant(now.minus(settle), zone).truncatedTo(ChronoUnit.SECONDS);
        LocalDateTime from = cursor.map(OpeningCursor::openedBefore).or(() -> since).orElse(until);
        return new Window(from, until.isBefore(from) ? from : until);
    }
}
