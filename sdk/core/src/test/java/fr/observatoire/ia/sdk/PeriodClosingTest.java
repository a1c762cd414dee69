package fr.observatoire.ia.sdk;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.ActivityCount;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.model.HarmType;
import fr.observatoire.ia.model.IncidentCategory;
import fr.observatoire.ia.model.IncidentCount;
import fr.observatoire.ia.model.LossCount;
import fr.observatoire.ia.model.LossReason;
import fr.observatoire.ia.model.Period;
import fr.observatoire.ia.model.PeriodKind;
import fr.observatoire.ia.model.ReportedIncident;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.model.Severity;
import fr.observatoire.ia.model.SourceReport;
import fr.observatoire.ia.model.SourceStatus;
import fr.observatoire.ia.protocol.Hashes;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.ParsedJws;
import fr.observatoire.ia.protocol.jose.PublicJwk;
import fr.observatoire.ia.sdk.internal.store.OutboxEntry;
import fr.observatoire.ia.sdk.testing.FakeObservatory;
import fr.observatoire.ia.sdk.testing.MutableClock;
import fr.observatoire.ia.sdk.testing.Sdks;
import fr.observatoire.ia.sdk.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodClosingTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final LocalDate MONDAY = LocalDate.of(2025, 3, 10);

    @TempDir
    Path dataDir;
    FakeObservatory observatory;
    MutableClock clock;
    ObservatoireSdk sdk;

    @BeforeEach
    void start() throws Exception {
        observatory = new FakeObservatory();
        clock = new MutableClock(TestData.WEDNESDAY);
        sdk = Sdks.builder(dataDir, clock, observatory.endpoint()).build();
        sdk.enrol("GOOD-CODE");
    }

    @AfterEach
    void stop() {
        sdk.close();
        observatory.close();
    }

    @Test
    void closing_a_period_builds_a_signed_chained_declaration() throws Exception {
        sdk.declareInventory(TestData.inventory("redaction", "chatbot"));
        sdk.activity("redaction", Service.CIVIL_REGISTRY, ActionKind.DOCUMENT_DRAFTED).add(5);
        sdk.incidents(IncidentCategory.FACTUAL_ERROR, Severity.S1).increment();

        DeclarationPreview first = sdk.closePeriodNow();
        sdk.activity("chatbot", Service.PUBLIC_RECEPTION, ActionKind.CHATBOT_CONVERSATION).add(7);
        DeclarationPreview second = sdk.closePeriodNow();

        Declaration one = first.declaration();
        assertThat(one.sequence()).isEqualTo(1);
        assertThat(one.previousHash()).isNull();
        assertThat(one.id().version()).isEqualTo(7);
        assertThat(one.period()).isEqualTo(new Period(PeriodKind.WEEK, MONDAY, MONDAY.plusWeeks(1)));
        assertThat(one.declarant()).isEqualTo(TestData.NICE);
        assertThat(one.activity()).containsExactly(new ActivityCount("redaction", Service.CIVIL_REGISTRY, ActionKind.DOCUMENT_DRAFTED, 5));
        assertThat(one.incidents().counts()).containsExactly(new IncidentCount(IncidentCategory.FACTUAL_ERROR, Severity.S1, null, 1));
        assertThat(one.provenance().sdkName()).isEqualTo("observatoire-sdk");
        assertThat(one.provenance().sdkVersion()).isNotBlank().doesNotContain("${");
        assertThat(one.provenance().sources()).extracting(SourceReport::name, SourceReport::status, SourceReport::records)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("api", SourceStatus.OK, 6L));

        Declaration two = second.declaration();
        assertThat(two.sequence()).isEqualTo(2);
        assertThat(two.previousHash()).isEqualTo(Hashes.declarationHash(first.payload()));
        // The first period was closed early: what follows goes to the next week, never to a second declaration of the first.
        assertThat(two.period().start()).isEqualTo(MONDAY.plusWeeks(1));
        assertThat(two.activity()).containsExactly(new ActivityCount("chatbot", Service.PUBLIC_RECEPTION, ActionKind.CHATBOT_CONVERSATION, 7));

        List<OutboxEntry> outbox = Sdks.outbox(dataDir);
        assertThat(outbox).extracting(OutboxEntry::sequence).containsExactly(1L, 2L);
        ParsedJws jws = Jws.parse(outbox.get(0).jws());
        jws.requireType(Jws.TYP_DECLARATION);
        PublicJwk key = observatory.enrolledKey(sdk.status().enrolledKid());
        jws.verify(key);
        assertThat(jws.payload()).isEqualTo(first.payload());
        assertThat(jws.kid()).contains(key.thumbprint());

        assertThat(sdk.flush(WAIT)).isTrue();
        assertThat(observatory.accepted()).extracting(Declaration::sequence).containsExactly(1L, 2L);
        SdkStatus status = sdk.status();
        assertThat(status.sentDeclarations()).isEqualTo(2);
        assertThat(status.pendingDeclarations()).isZero();
        assertThat(status.lastReceipt().sequence()).isEqualTo(2);
        assertThat(status.lastReceipt().declarationHash()).isEqualTo(second.hash());
    }

    @Test
    void the_scheduler_declares_ended_periods_including_empty_ones_and_flags_periods_the_sdk_missed() {
        sdk.declareInventory(TestData.inventory("redaction"));
        sdk.activity("redaction", Service.FINANCE, ActionKind.SUMMARY).add(3);
        assertThat(sdk.flush(WAIT)).isTrue();
        assertThat(Sdks.outbox(dataDir)).isEmpty();

        // Three weeks later: weeks 1 and 2 ended while the SDK (and its clock) did not see them.
        clock.advance(Duration.ofDays(21));
        Sdks.await(() -> Sdks.outbox(dataDir).size() == 3, WAIT);
        assertThat(sdk.flush(WAIT)).isTrue();

        List<Declaration> declared = observatory.accepted();
        assertThat(declared).extracting(d -> d.period().start())
                .containsExactly(MONDAY, MONDAY.plusWeeks(1), MONDAY.plusWeeks(2));
        assertThat(declared.get(0).activity()).extracting(ActivityCount::count).containsExactly(3L);
        assertThat(declared.get(0).provenance().sources().get(0).status()).isEqualTo(SourceStatus.OK);
        // An empty period says "nothing happened"... but for a period during which the SDK never ran, the api source says so.
        assertThat(declared.get(1).activity()).isEmpty();
        assertThat(declared.get(1).provenance().sources().get(0).status()).isEqualTo(SourceStatus.FAILED);
        assertThat(declared.get(2).sequence()).isEqualTo(3);
        assertThat(declared.get(2).previousHash()).isEqualTo(Hashes.declarationHash(observatory.acceptedPayloads().get(1)));
    }

    @Test
    void nothing_is_declared_for_periods_before_the_first_record() {
        clock.advance(Duration.ofDays(30));
        assertThat(sdk.flush(WAIT)).isTrue();
        sleep(100);
        assertThat(Sdks.outbox(dataDir)).isEmpty();
        assertThat(sdk.preview()).get().extracting(p -> p.declaration().period().start())
                .isEqualTo(Period.containing(PeriodKind.WEEK, LocalDate.of(2025, 4, 11)).start());
    }

    @Test
    void counts_for_usages_missing_from_the_inventory_and_beyond_the_cardinality_cap_are_losses() throws Exception {
        sdk.close();
        sdk = Sdks.builder(dataDir, clock, observatory.endpoint()).maxSeries(2).build();
        sdk.declareInventory(TestData.inventory("a", "b", "c"));
        sdk.activity("a", Service.FINANCE, ActionKind.PROMPT).add(1);
        sdk.activity("b", Service.FINANCE, ActionKind.PROMPT).add(2);
        sdk.activity("c", Service.FINANCE, ActionKind.PROMPT).add(40);       // third series: overflow
        sdk.activity("a", Service.FINANCE, ActionKind.PROMPT).add(1);
        sdk.incidents(IncidentCategory.BIAS, Severity.S0).add(1);

        Declaration declaration = sdk.closePeriodNow().declaration();
        assertThat(declaration.activity()).extracting(ActivityCount::usageId, ActivityCount::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 2L), org.assertj.core.groups.Tuple.tuple("b", 2L));
        assertThat(declaration.provenance().losses()).contains(new LossCount(LossReason.CARDINALITY_OVERFLOW, "api", 40));

        sdk.declareInventory(TestData.inventory("a"));
        sdk.activity("b", Service.FINANCE, ActionKind.PROMPT).add(5);        // b left the inventory
        sdk.activity("Not A Usage Id!", Service.FINANCE, ActionKind.PROMPT).add(3);
        Declaration next = sdk.closePeriodNow().declaration();
        assertThat(next.activity()).isEmpty();
        assertThat(next.provenance().losses()).contains(new LossCount(LossReason.MALFORMED_INPUT, "api", 8));
        assertThat(next.inventory().version()).isEqualTo(2);
    }

    @Test
    void reported_incidents_plugin_sources_and_plugin_losses_travel_with_the_next_declaration() {
        sdk.declareInventory(TestData.inventory("chatbot"));
        ReportedIncident incident = new ReportedIncident(java.util.UUID.randomUUID(), "chatbot", IncidentCategory.INAPPROPRIATE_ANSWER,
                Severity.S2, List.of(HarmType.DETRIMENTAL_CONTENT), MONDAY, MONDAY.plusDays(1),
                "Le chatbot a donné un horaire erroné de la mairie annexe.", "Base de connaissances corrigée.",
                TestData.WEDNESDAY);
        sdk.reportIncident(incident);
        sdk.reportSource(new SourceReport("glpi", "1.0.0", SourceStatus.DEGRADED, 12, "page 3 of the search timed out"));
        sdk.recordLoss(LossReason.SOURCE_FAILURE, "glpi", 50);

        Declaration declaration = sdk.closePeriodNow().declaration();
        assertThat(declaration.incidents().reported()).containsExactly(incident);
        assertThat(declaration.provenance().sources()).extracting(SourceReport::name).containsExactly("api", "glpi");
        assertThat(declaration.provenance().losses()).containsExactly(new LossCount(LossReason.SOURCE_FAILURE, "glpi", 50));

        Declaration next = sdk.closePeriodNow().declaration();
        assertThat(next.incidents().reported()).as("sent once").isEmpty();
        assertThat(next.provenance().losses()).isEmpty();
        assertThat(next.provenance().sources()).extracting(SourceReport::name).containsExactly("api");
    }

    @Test
    void the_preview_is_the_exact_bytes_of_what_leaves() {
        sdk.declareInventory(TestData.inventory("redaction"));
        sdk.activity("redaction", Service.FINANCE, ActionKind.SUMMARY).add(2);
        DeclarationPreview preview = sdk.preview().orElseThrow();
        assertThat(preview.payloadText()).contains("\"usageId\":\"redaction\"").contains("\"count\":2");
        assertThat(preview.prettyJson()).contains("\"schema\" : \"" + Declaration.SCHEMA + "\"");
        assertThat(Sdks.outbox(dataDir)).as("a preview queues nothing").isEmpty();

        DeclarationPreview queued = sdk.closePeriodNow();
        // Same content; only the id and issuedAt are fixed at closing.
        assertThat(queued.declaration().activity()).isEqualTo(preview.declaration().activity());
        assertThat(queued.declaration().sequence()).isEqualTo(preview.declaration().sequence());
        assertThat(queued.declaration().issuedAt()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void declarations_wait_for_enrolment() throws Exception {
        sdk.close();
        Path other = dataDir.resolve("other");
        java.nio.file.Files.createDirectory(other);
        sdk = Sdks.builder(other, clock, observatory.endpoint()).build();
        sdk.activity("x", Service.FINANCE, ActionKind.PROMPT).add(1);
        assertThatThrownBy(sdk::closePeriodNow).isInstanceOf(IllegalStateException.class).hasMessageContaining("enrol");
        // Checkpointed before the clock jumps: a count is attributed to the period open when it is checkpointed.
        assertThat(sdk.flush(WAIT)).isTrue();
        clock.advance(Duration.ofDays(14));
        assertThat(sdk.flush(WAIT)).isTrue();
        assertThat(Sdks.outbox(other)).isEmpty();

        sdk.enrol("GOOD-2");
        Sdks.await(() -> Sdks.outbox(other).size() == 2, WAIT);
        assertThat(sdk.flush(WAIT)).isTrue();
        assertThat(observatory.accepted()).hasSize(2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
