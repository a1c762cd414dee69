package fr.observatoire.ia.plugin.glpi;

import fr.observatoire.ia.spi.PullPlugin;
import fr.observatoire.ia.testkit.MutableClock;
import fr.observatoire.ia.testkit.conformance.HttpSourceFixture;
import fr.observatoire.ia.testkit.conformance.InvalidSetting;
import fr.observatoire.ia.testkit.conformance.PullPluginConformance;
import fr.observatoire.ia.testkit.conformance.SourceFixture;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The test kit's conformance suite against the GLPI plugin on the legacy API ({@link GlpiV2ConformanceTest}: the v2
 * API), over {@link FakeGlpi}, whose tickets carry titles, texts, requesters and technicians. GLPI's cursor is a
 * window ending at "now" (settle-delay 0 here), so the source and the plugin share a clock, and the records added
 * after the first pull are tickets opened later, with the clock moved past them: time passes between two pulls.
 */
class GlpiPluginConformanceTest extends PullPluginConformance {
    static final Instant FIRST_PULL = Instant.parse("2025-01-07T09:00:00Z"); // 10:00 in Paris
    static final Instant LATER_PULL = Instant.parse("2025-01-07T14:00:00Z");
    private static final String CITY = "Entité racine > Ville de Grasse";
    private static final String URBANISM = CITY + " > Urbanisme";

    final MutableClock clock = new MutableClock(FIRST_PULL);
    final Helpdesk glpi = new Helpdesk(new FakeGlpi(), clock);

    /** FakeGlpi with two waves of tickets in the configured categories (42, 43 incidents; 57 usage requests) and others. */
    static final class Helpdesk extends HttpSourceFixture {
        private final FakeGlpi fake;
        private final MutableClock clock;

        Helpdesk(FakeGlpi fake, MutableClock clock) {
            super(fake.server());
            this.fake = fake;
            this.clock = clock;
        }

        FakeGlpi fake() {
            return fake;
        }

        @Override
        protected void stubHealthySource(boolean withMoreRecords) {
            fake.reset();
            fake.add(FakeTicket.of(3001, 42, at("2025-01-06T12:00:00"), 3, CITY),
                    FakeTicket.of(3002, 57, at("2025-01-06T15:30:00"), 2, URBANISM),
                    FakeTicket.of(3003, 12, at("2025-01-07T08:00:00"), 4, CITY),
                    FakeTicket.of(3004, 43, at("2025-01-07T09:59:59"), 5, URBANISM));
            if (withMoreRecords) {
                fake.add(FakeTicket.of(3005, 42, at("2025-01-07T10:00:00"), 6, CITY),
                        FakeTicket.of(3006, 57, at("2025-01-07T11:45:00"), 3, URBANISM),
                        FakeTicket.of(3007, 12, at("2025-01-07T12:00:00"), 3, CITY));
            }
            clock.set(withMoreRecords ? LATER_PULL : FIRST_PULL);
        }

        private static LocalDateTime at(String localTime) {
            return LocalDateTime.parse(localTime);
        }
    }

    @Override
    protected PullPlugin newPlugin() {
        return new GlpiPlugin();
    }

    @Override
    protected SourceFixture source() {
        return glpi;
    }

    @Override
    protected Map<String, String> configuration() {
        Map<String, String> config = glpi.fake().legacyConfig();
        config.put("timeout", "PT3S");
        return config;
    }

    @Override
    protected Clock clock() {
        return clock;
    }

    @Override
    protected Set<String> forbiddenStrings() {
        return Set.of(FakeTicket.REQUESTER, FakeTicket.REQUESTER_EMAIL, FakeTicket.TECHNICIAN, FakeTicket.TITLE, "Dupuis", "Benali",
                "Lefèvre", "jean.lefevre", "article de loi", "Cordialement", FakeGlpi.SESSION_TOKEN, FakeGlpi.ACCESS_TOKEN);
    }

    @Override
    protected List<InvalidSetting> invalidSettings() {
        return List.of(InvalidSetting.missing("url"), InvalidSetting.of("url", "glpi.ville-exemple.fr"),
                InvalidSetting.of("api", "v3"), InvalidSetting.of("severity.field", "colour"), InvalidSetting.of("page-size", "0"),
                InvalidSetting.of("timeout", "30 seconds"), InvalidSetting.of("default-service", "CANTINE"),
                InvalidSetting.of("categories.incident", "42:NOT_A_CATEGORY"), InvalidSetting.of("since", "hier"));
    }
}
