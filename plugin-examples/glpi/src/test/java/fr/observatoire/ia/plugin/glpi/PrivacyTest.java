package fr.observatoire.ia.plugin.glpi;

import fr.observatoire.ia.spi.PluginException;
import fr.observatoire.ia.spi.PullBatch;
import fr.observatoire.ia.spi.PullPlugin.PullProgress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * GLPI's answers here are full of names, e-mail addresses, phone numbers and free text, as real tickets are.
 * None of it may be in a batch, in an exception, or anywhere in the plugin's objects after a pull.
 */
class PrivacyTest {
    private static final List<String> MARKERS = List.of("Dupuis", "martine.dupuis", "Benali", "Nguyen", "Lefèvre", "jean.lefevre",
            "06 12 34 56 78", "Cordialement", "Hallucination", "article de loi", "CGCT", "Bonjour");

    private static FakeGlpi glpi;

    @BeforeAll
    static void startGlpi() {
        glpi = new FakeGlpi();
    }

    @AfterAll
    static void stopGlpi() {
        glpi.close();
    }

    @BeforeEach
    void reset() {
        glpi.reset();
    }

    @Test
    void legacyAnswerWithTitlesRequestersTechniciansAndDescriptionsLeavesNothing() throws Exception {
        glpi.server().stubFor(get(urlPathEqualTo("/apirest.php/search/Ticket")).atPriority(1).willReturn(
                Fixtures.json(200, "legacy/search-42-with-personal-columns.json").withHeader("Content-Range", "0-4/5")));
        GlpiPlugin plugin = Plugins.started(LegacyApiTest.category42Only(glpi.legacyConfig()), Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));

        PullBatch batch = plugin.pull(Optional.empty(), PullProgress.NONE);

        assertThat(batch.records()).isEqualTo(5);
        assertClean(batch.toString());
        assertThat(batch.usages()).isEmpty();
        assertThat(batch.agents()).isEmpty();
        strings(batch).forEach(PrivacyTest::assertClean);
        strings(plugin).forEach(PrivacyTest::assertClean);
    }

    @Test
    void theLegacySearchAsksForIdsLevelsAndEntitiesOnly() throws Exception {
        glpi.add(BadInputTest.tickets());
        Plugins.started(glpi.legacyConfig(), Clock.fixed(Fixtures.NOW, ZoneOffset.UTC)).pull(Optional.empty(), PullProgress.NONE);

        for (Map<String, String> search : glpi.requests("/apirest.php/search/Ticket")) {
            assertThat(search.entrySet().stream().filter(e -> e.getKey().startsWith("forcedisplay")).map(Map.Entry::getValue))
                    .containsExactly("2", "3", "80");
        }
    }

    /** The v2 API returns the whole ticket, its text and its team: the parser skips them unread. */
    @Test
    void v2AnswerWithTheWholeTicketLeavesNothing() throws Exception {
        glpi.add(BadInputTest.tickets());
        GlpiPlugin plugin = Plugins.started(glpi.v2Config(), Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));

        PullBatch batch = plugin.pull(Optional.empty(), PullProgress.NONE);

        assertThat(batch.records()).isEqualTo(BadInputTest.tickets().size());
        assertClean(batch.toString());
        strings(batch).forEach(PrivacyTest::assertClean);
        strings(plugin).forEach(PrivacyTest::assertClean);
    }

    /** What the plugin holds of a page while counting it: ids, levels, entities, nothing a person wrote. */
    @Test
    void aDecodedPageHoldsNoPersonalData() throws Exception {
        glpi.server().stubFor(get(urlPathEqualTo("/apirest.php/search/Ticket")).atPriority(1).willReturn(
                Fixtures.json(200, "legacy/search-42-with-personal-columns.json").withHeader("Content-Range", "0-4/5")));
        GlpiSettings settings = GlpiSettings.from(new TestConfig(LegacyApiTest.category42Only(glpi.legacyConfig())));
        TicketPage page;
        try (TicketSource source = TicketSource.open(settings, new GlpiHttp(settings.timeout()))) {
            page = source.page(new TicketQuery(42, new Window(LocalDateTime.parse("2025-01-06T00:00:00"),
                    LocalDateTime.parse("2025-01-08T10:00:00")), 0, 5));
        }

        assertThat(page.rows()).extracting(TicketRow::id).containsExactly(1017L, 1023L, 1024L, 1031L, 1046L);
        assertThat(strings(page)).as("the walk sees what the page holds").anyMatch(s -> s.contains("Urbanisme"));
        strings(page).forEach(PrivacyTest::assertClean);
    }

    @Test
    void failuresAmidPersonalDataDoNotQuoteIt() throws Exception {
        glpi.add(FakeTicket.of(6001, 42, LocalDateTime.parse("2025-01-07T08:00:00"), 9, "Entité racine > Ville de Grasse"));
        for (Map<String, String> config : List.of(glpi.legacyConfig(), glpi.v2Config())) {
            GlpiPlugin plugin = Plugins.started(config, Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));

            assertThatThrownBy(() -> plugin.pull(Optional.empty(), PullProgress.NONE))
                    .isInstanceOf(PluginException.class)
                    .hasMessageContaining("ticket 6001 has priority 9")
                    .satisfies(BadInputTest::assertNothingLeaks);
        }
    }

    @Test
    void settingsPrintWithoutSecrets() throws Exception {
        for (Map<String, String> config : List.of(glpi.legacyConfig(), glpi.v2Config())) {
            GlpiSettings settings = GlpiSettings.from(new TestConfig(config));
            assertThat(settings.toString()).doesNotContain(FakeGlpi.USER_TOKEN, FakeGlpi.APP_TOKEN, FakeGlpi.CLIENT_SECRET,
                    FakeGlpi.PASSWORD, FakeGlpi.USERNAME).contains("****");
        }
    }

    private static void assertClean(String text) {
        for (String marker : MARKERS) {
            assertThat(text).doesNotContainIgnoringCase(marker);
        }
    }

    /** Every string reachable from {@code root} through the plugin's own objects, collections, maps and optionals. */
    private static List<String> strings(Object root) {
        List<String> out = new ArrayList<>();
        walk(root, out, Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    private static void walk(Object o, List<String> out, Set<Object> seen) {
        if (o == null || o instanceof HttpClient || !seen.add(o)) {
            return; // the JDK's HTTP client is not the plugin's: its buffers are the JDK's business
        }
        if (o instanceof String s) {
            out.add(s);
        } else if (o instanceof byte[] bytes) {
            out.add(new String(bytes, StandardCharsets.UTF_8));
        } else if (o instanceof Object[] array) {
            for (Object element : array) {
                walk(element, out, seen);
            }
        } else if (o instanceof Collection<?> collection) {
            collection.forEach(element -> walk(element, out, seen));
        } else if (o instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                walk(k, out, seen);
                walk(v, out, seen);
            });
        } else if (o instanceof Optional<?> optional) {
            optional.ifPresent(v -> walk(v, out, seen));
        } else if (o.getClass().getPackageName().startsWith("fr.observatoire.ia") && !o.getClass().isEnum()) {
            for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (field.getType().isPrimitive() || Modifier.isStatic(field.getModifiers())) {
                        continue;
                    }
                    try {
                        field.setAccessible(true);
                        walk(field.get(o), out, seen);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        throw new AssertionError("cannot inspect " + field, e);
                    }
                }
            }
        }
    }
}
