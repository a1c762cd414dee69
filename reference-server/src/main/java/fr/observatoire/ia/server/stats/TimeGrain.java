package fr.observatoire.ia.server.stats;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time buckets of the statistics, each named by its first day. Weeks are ISO weeks (from Monday), named
 * {@code 2026-W05}; months {@code 2026-01}; quarters {@code 2026-Q1}; years {@code 2026}.
 *
 * <p>For counts of a period (activity, incidents), a week belongs to the month of its Monday, so that months add
 * up weeks, quarters months and years quarters: {@link #parentBucket} gives that nesting.
 */
public enum TimeGrain {
    WEEK('W', "week", Pattern.compile("(\\d{4})-W(\\d{2})")),
    MONTH('M', "month", Pattern.compile("(\\d{4})-(\\d{2})")),
    QUARTER('Q', "quarter", Pattern.compile("(\\d{4})-Q([1-4])")),
    YEAR('Y', "year", Pattern.compile("(\\d{4})"));

    private final char code;
    private final String apiName;
    private final Pattern format;

    TimeGrain(char code, String apiName, Pattern format) {
        this.code = code;
        this.apiName = apiName;
        this.format = format;
    }

    /** The one-letter code stored in the fact tables. */
    public String code() {
        return String.valueOf(code);
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<TimeGrain> ofApiName(String name) {
        for (TimeGrain grain : values()) {
            if (grain.apiName.equals(name)) {
                return Optional.of(grain);
            }
        }
        return Optional.empty();
    }

    /** The first day of the bucket that contains {@code day}. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case YEAR -> LocalDate.of(day.getYear(), 1, 1);
        };
    }

    /** The first day of the bucket after the one starting on {@code bucket}. */
    public LocalDate next(LocalDate bucket) {
        return switch (this) {
            case WEEK -> bucket.plusWeeks(1);
            case MONTH -> bucket.plusMonths(1);
            case QUARTER -> bucket.plusMonths(3);
            case YEAR -> bucket.plusYears(1);
        };
    }

    /** The first day of the bucket {@code count} buckets before the one starting on {@code bucket}. */
    public LocalDate minus(LocalDate bucket, int count) {
        return switch (this) {
            case WEEK -> bucket.minusWeeks(count);
            case MONTH -> bucket.minusMonths(count);
            case QUARTER -> bucket.minusMonths(3L * count);
            case YEAR -> bucket.minusYears(count);
        };
    }

    /** The coarser grain whose buckets add up this one's, for counts of a period; empty for years. */
    public Optional<TimeGrain> parent() {
        return switch (this) {
            case WEEK -> Optional.of(MONTH);
            case MONTH -> Optional.of(QUARTER);
            case QUARTER -> Optional.of(YEAR);
            case YEAR -> Optional.empty();
        };
    }

    /** The bucket of the parent grain that this bucket adds into (a week: the month of its Monday). */
    public LocalDate parentBucket(LocalDate bucket) {
        return parent().map(p -> p.start(bucket)).orElse(bucket);
    }

    /** Every bucket that overlaps the days from {@code start} included to {@code end} excluded. */
    public List<LocalDate> overlapping(LocalDate start, LocalDate end) {
        List<LocalDate> buckets = new ArrayList<>();
        for (LocalDate b = start(start); b.isBefore(end); b = next(b)) {
            buckets.add(b);
        }
        return buckets;
    }

    /** Buckets from {@code from} to {@code to}, both included. */
    public List<LocalDate> range(LocalDate from, LocalDate to) {
        List<LocalDate> buckets = new ArrayList<>();
        for (LocalDate b = from; !b.isAfter(to); b = next(b)) {
            buckets.add(b);
        }
        return buckets;
    }

    /** The bucket's name, e.g. 2026-W05, 2026-01, 2026-Q1, 2026. */
    public String format(LocalDate bucket) {
        return switch (this) {
            case WEEK -> String.format("%04d-W%02d", bucket.get(IsoFields.WEEK_BASED_YEAR), bucket.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format("%04d-%02d", bucket.getYear(), bucket.getMonthValue());
            case QUARTER -> String.format("%04d-Q%d", bucket.getYear(), (bucket.getMonthValue() - 1) / 3 + 1);
            case YEAR -> String.format("%04d", bucket.getYear());
        };
    }

    /** The first day of the bucket named {@code text}; empty when it is not such a name. */
    public Optional<LocalDate> parse(String text) {
        Matcher m = format.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        try {
            return Optional.of(switch (this) {
                case WEEK -> {
                    int week = Integer.parseInt(m.group(2));
                    LocalDate monday = LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
                    if (week < 1 || monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) != week) {
                        throw new DateTimeParseException("no such week", text, 0);
                    }
                    yield monday;
                }
                case MONTH -> LocalDate.of(year, Integer.parseInt(m.group(2)), 1);
                case QUARTER -> LocalDate.of(year, (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
                case YEAR -> LocalDate.of(year, 1, 1);
            });
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** What a bucket name looks like, for error messages. */
    public String example() {
        return format(LocalDate.of(2026, 1, 5));
    }
}
