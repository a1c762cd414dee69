package fr.observatoire.ia.sdk.internal.enrol;

import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.protocol.messages.EnrolmentResponse;
import fr.observatoire.ia.sdk.ObservatoireSdk;
import fr.observatoire.ia.sdk.internal.sign.Resigning;
import fr.observatoire.ia.sdk.internal.sign.SigningKeyFile;
import fr.observatoire.ia.sdk.internal.store.Database;
import fr.observatoire.ia.sdk.internal.store.EnrolmentTables;
import fr.observatoire.ia.sdk.internal.store.OutboxEntry;
import fr.observatoire.ia.sdk.internal.trust.Alarms;
import fr.observatoire.ia.sdk.testing.FakeObservatory;
import fr.observatoire.ia.sdk.testing.MutableClock;
import fr.observatoire.ia.sdk.testing.Sdks;
import fr.observatoire.ia.sdk.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window of a key switch: the store transaction (new key enrolled, old one retired, pending entries re-signed)
 * has committed, the in-memory key has not followed yet. The sender must not re-sign with the retired key then.
 */
class KeyWatchTest {
    @TempDir
    Path dataDir;
    FakeObservatory observatory;
    MutableClock clock = new MutableClock(TestData.WEDNESDAY);
    Database store;
    SigningKey oldKey;
    SigningKey newKey = SigningKey.generate();
    OutboxEntry signedWithOldKey;
    KeyWatch watch;

    @BeforeEach
    void aSwitchCommittedInTheStoreButNotYetInMemory() throws Exception {
        observatory = new FakeObservatory();
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            sdk.enrol("GOOD");
            observatory.down();
            sdk.closePeriodNow();
        }
        store = Sdks.store(dataDir);
        signedWithOldKey = Sdks.outbox(dataDir).get(0);
        Credentials credentials = Credentials.load(new SigningKeyFile(dataDir), store, TestData.SIREN);
        oldKey = credentials.enrolledKey().orElseThrow();
        Instant at = clock.instant();
        store.inTransaction(connection -> {
            EnrolmentTables.save(connection, new EnrolmentResponse(TestData.SIREN, newKey.kid(), at, null), at);
            EnrolmentTables.markRetired(connection, oldKey.kid(), at);
            return Resigning.resignPending(connection, newKey);
        });
        Alarms alarms = new Alarms(store, clock);
        KeyRotator rotator = new KeyRotator(credentials, null, store, TestData.SIREN, clock, alarms, () -> { });
        KeyRevoker revoker = new KeyRevoker(credentials, null, store, TestData.SIREN, clock, alarms);
        watch = new KeyWatch(credentials, rotator, revoker, store, alarms, clock);
    }

    @AfterEach
    void stop() {
        observatory.close();
    }

    @Test
    void an_entry_read_after_the_switch_is_sent_as_re_signed_and_not_signed_back_with_the_retired_key() {
        OutboxEntry readAfterSwitch = Sdks.outbox(dataDir).get(0);
        assertThat(Resigning.kid(readAfterSwitch.jws())).isEqualTo(newKey.kid());

        OutboxEntry toSend = watch.prepare(readAfterSwitch);

        assertThat(Resigning.kid(toSend.jws())).isEqualTo(newKey.kid());
        assertThat(Resigning.kid(Sdks.outbox(dataDir).get(0).jws())).isEqualTo(newKey.kid());
    }

    @Test
    void an_entry_read_before_the_switch_is_replaced_by_the_stored_re_signed_one() {
        OutboxEntry toSend = watch.prepare(signedWithOldKey);

        assertThat(Resigning.kid(toSend.jws())).isEqualTo(newKey.kid());
        assertThat(toSend.payloadHash()).isEqualTo(signedWithOldKey.payloadHash());
    }

    @Test
    void a_key_retired_refusal_of_an_entry_read_before_the_switch_is_retried_at_once_without_an_alarm() {
        assertThat(watch.refused(signedWithOldKey, "key-retired")).isTrue();

        assertThat(new Alarms(store, clock).all()).isEmpty();
    }
}
