package fr.observatoire.ia.plugin.glpi;

import com.fasterxml.jackson.core.JsonToken;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.model.Severity;
import fr.observatoire.ia.spi.PluginException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.NotBlank;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.time.api.DateTimes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Properties of the plugin's pure parts: severity levels, cursor text, windows, entity names, echoed values. */
class MappingPropertiesTest {

    @Property
    void everyGlpiLevelHasADefaultSeverityAndAHigherLevelIsNeverLessSevere(@ForAll @IntRange(min = 1, max = 6) int a,
                                                                         @ForAll @IntRange(min = 1, max = 6) int b) {
        SeverityRule rule = SeverityRule.defaults();
        Severity sa = rule.severityOf(a).orElseThrow();
        Severity sb = rule.severityOf(b).orElseThrow();
        if (a <= b) {
            assertThat(sa.ordinal()).isLessThanOrEqualTo(sb.ordinal());
        }
    }

    @Property
    void levelsOutsideGlpisAreNotGuessed(@ForAll int level) {
        Optional<Severity> severity = SeverityRule.defaults().severityOf(level);
        assertThat(severity.isPresent()).isEqualTo(level >= 1 && level <= 6);
    }

    @Property
    void aCustomMapOverridesOnlyTheLevelsItNames(@ForAll @IntRange(min = 0, max = 99) int level, @ForAll Severity severity,
                                                 @ForAll @IntRange(min = 1, max = 6) int other) throws Exception {
        SeverityRule rule = SeverityRule.from(new TestConfig(Map.of("severity.map", level + ":" + severity.name())));
        assertThat(rule.severityOf(level)).contains(severity);
        if (other != level) {
            assertThat(rule.severityOf(other)).isEqualTo(SeverityRule.defaults().severityOf(other));
        }
    }

    @Property
    void theCursorReadsBackWhatItWrote(@ForAll("instantsOfGlpi") LocalDateTime openedBefore) throws Exception {
        OpeningCursor cursor = new OpeningCursor(openedBefore);
        assertThat(cursor.encode()).matches("v1;opened-before=\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
        assertThat(OpeningCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Property
    void anythingElseIsNotACursorAndIsNotEchoedWhole(@ForAll @StringLength(max = 300) String text) {
        if (text.startsWith("v1;opened-before=")) {
            return;
        }
        assertThatThrownBy(() -> OpeningCursor.decode(text)).isInstanceOf(PluginException.class)
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(300));
    }

    /** Successive pulls cover time without gap or overlap, whatever the clock does. */
    @Property
    void windowsOfSuccessivePullsAreContiguous(@ForAll("pullTimes") List<Instant> pulls,
                                               @ForAll @LongRange(min = 0, max = 172_800) long settleSeconds) {
        ZoneId zone = ZoneId.of("Europe/Paris");
        Duration settle = Duration.ofSeconds(settleSeconds);
        Optional<LocalDateTime> since = Optional.of(LocalDateTime.parse("2025-01-01T00:00:00"));
        Optional<OpeningCursor> cursor = Optional.empty();
        for (Instant now : pulls) {
            Window window = Window.next(cursor, since, now, settle, zone);
            LocalDateTime from = cursor.map(OpeningCursor::openedBefore).orElse(since.get());
            LocalDateTime settled = LocalDateTime.ofInstant(now.minus(settle), zone).truncatedTo(ChronoUnit.SECONDS);
            assertThat(window.from()).as("starts where the last one ended").isEqualTo(from);
            assertThat(window.to()).as("ends at now - settle, never before its start")
                    .isEqualTo(settled.isBefore(from) ? from : settled);
            cursor = Optional.of(new OpeningCursor(window.to()));
        }
    }

    @Property
    void aSubEntityTakesTheServiceOfItsNearestMappedAncestor(@ForAll("entityPaths") List<String> path,
                                                            @ForAll @IntRange(min = 1, max = 4) int mappedDepth,
                                                            @ForAll Service service) throws Exception {
        int depth = Math.min(mappedDepth, path.size());
        String mapped = String.join(" > ", path.subList(0, depth));
        EntityServices entities = EntityServices.from(new TestConfig(Map.of("entities", mapped + ":" + service.name())));

        assertThat(entities.serviceOf(String.join(" > ", path))).isEqualTo(service);
        // as GLPI 9.5 and 10 write it, HTML-encoded
        assertThat(entities.serviceOf(String.join(" &#62; ", path))).isEqualTo(service);
        if (depth > 1) {
            assertThat(entities.serviceOf(String.join(" > ", path.subList(0, depth - 1)))).isEqualTo(Service.TRANSVERSAL);
        }
    }

    @Property
    void normalisingTwiceChangesNothing(@ForAll String name) {
        assertThat(EntityServices.normalise(EntityServices.normalise(name))).isEqualTo(EntityServices.normalise(name));
    }

    /** A value GLPI should not have sent is never repeated in a message, unless it is a short number. */
    @Property
    void anUnexpectedTextIsNeverEchoed(@ForAll @NotBlank @AlphaChars String text) {
        assertThat(new Scalar(JsonToken.VALUE_STRING, text).shown()).isEqualTo("a text");
    }

    @Property
    void aShortNumberIsEchoedAsIs(@ForAll @IntRange(min = 0, max = 999_999) int level) {
        assertThat(new Scalar(JsonToken.VALUE_NUMBER_INT, String.valueOf(level)).shown()).isEqualTo(String.valueOf(level));
        assertThat(new Scalar(JsonToken.VALUE_STRING, String.valueOf(level)).shown()).isEqualTo(String.valueOf(level));
    }

    @Property
    void contentRangeReadsBackAndRejectsTheRest(@ForAll @LongRange(min = 0, max = 1_000_000) long first,
                                                @ForAll @IntRange(min = -1, max = 500) int length,
                                                @ForAll @LongRange(min = 0, max = 1_000_000) long total,
                                                @ForAll String noise) {
        long last = first + length;
        assertThat(ContentRange.parse(first + "-" + last + "/" + total)).contains(new ContentRange(first, last, total));
        if (!noise.matches("\\s*\\d+--?\\d+/\\d+\\s*")) {
            assertThat(ContentRange.parse(noise)).isEmpty();
        }
    }

    @Provide
    Arbitrary<LocalDateTime> instantsOfGlpi() {
        return DateTimes.dateTimes().between(LocalDateTime.parse("1990-01-01T00:00:00"), LocalDateTime.parse("2199-12-31T23:59:59"))
                .map(t -> t.truncatedTo(ChronoUnit.SECONDS));
    }

    @Provide
    Arbitrary<List<Instant>> pullTimes() {
        // Mostly forward, sometimes backward: clocks are corrected, and daylight saving repeats an hour.
        return Arbitraries.longs().between(-7_200, 86_400 * 3).list().ofMinSize(1).ofMaxSize(8)
                .map(steps -> {
                    Instant t = Instant.parse("2025-03-29T12:00:00Z"); // the weekend clocks go forward in France
                    List<Instant> times = new ArrayList<>();
                    for (long step : steps) {
                        t = t.plusSeconds(step);
                        times.add(t);
                    }
                    return times;
                });
    }

    @Provide
    Arbitrary<List<String>> entityPaths() {
        Arbitrary<String> name = Arbitraries.strings().withCharRange('a', 'z').withChars('é', 'É', ' ', '\'', '-', ',')
                .ofMinLength(1).ofMaxLength(20)
                .filter(s -> !s.isBlank() && s.equals(s.trim()) && !s.contains("  "));
        return name.list().ofMinSize(1).ofMaxSize(5);
    }
}
