package fr.observatoire.ia.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * A declaration period: from {@code start} included to {@code end} excluded, in the collectivité's
 * local calendar (Europe/Paris). A week starts on Monday; a month on its first day.
 */
public record Period(PeriodKind kind, LocalDate start, LocalDate end) {
    public Period {
        Checks.required(kind, "period.kind");
        Checks.required(start, "period.start");
        Checks.required(end, "period.end");
        if (!end.equals(next(kind, start))) {
            throw new IllegalArgumentException("period " + start + ".." + end + " is not one " + kind.name().toLowerCase()
                    + " (a week starts on Monday, a month on its first day)");
        }
    }

    /** The period of the given kind that contains {@code day}. */
    public static Period containing(PeriodKind kind, LocalDate day) {
        LocalDate start = kind == PeriodKind.WEEK
                ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : day.withDayOfMonth(1);
        return new Period(kind, start, next(kind, start));
    }

    public Period following() {
        return new Period(kind, end, next(kind, end));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && day.isBefore(end);
    }

    private static LocalDate next(PeriodKind kind, LocalDate start) {
        if (kind == PeriodKind.WEEK) {
            if (start.getDayOfWeek() != DayOfWeek.MONDAY) {
                throw new IllegalArgumentException("a weekly period starts on a Monday, " + start + " is a " + start.getDayOfWeek());
            }
            return start.plusWeeks(1);
        }
        if (start.getDayOfMonth() != 1) {
            throw new IllegalArgumentException("a monthly period starts on the first day of a month, not " + start);
        }
        return start.plusMonths(1);
    }
}
