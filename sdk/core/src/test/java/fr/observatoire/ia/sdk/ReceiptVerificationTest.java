package fr.observatoire.ia.sdk;

import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.protocol.messages.Receipt;
import fr.observatoire.ia.protocol.tlog.Checkpoint;
import fr.observatoire.ia.protocol.tlog.NoteSigner;
import fr.observatoire.ia.protocol.tlog.NoteVerifier;
import fr.observatoire.ia.protocol.tlog.TlogProof;
import fr.observatoire.ia.sdk.internal.store.OutboxEntry;
import fr.observatoire.ia.sdk.internal.store.OutboxTables;
import fr.observatoire.ia.sdk.testing.FakeLog;
import fr.observatoire.ia.sdk.testing.FakeObservatory;
import fr.observatoire.ia.sdk.testing.LogCapture;
import fr.observatoire.ia.sdk.testing.Sdks;
import fr.observatoire.ia.sdk.testing.WithFakeObservatory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Receipts count as acknowledgements only when their proof verifies against the observatory's signed log. */
class ReceiptVerificationTest extends WithFakeObservatory {
    @Test
    void a_valid_receipt_is_verified_and_kept_with_its_checkpoint() throws Exception {
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            sdk.enrol("GOOD");
            UUID id = sdk.closePeriodNow().declaration().id();
            assertThat(sdk.flush(WAIT)).isTrue();

            SdkStatus status = sdk.status();
            assertThat(status.sentDeclarations()).isEqualTo(1);
            assertThat(status.alarms()).isEmpty();
            assertThat(status.logCheckpoint().size()).isEqualTo(1);
            assertThat(status.logCheckpoint().rootHash()).isEqualTo(observatory.log().checkpoint().rootHash());
            OutboxTables.StoredReceipt kept = Sdks.store(dataDir).inTransaction(c -> OutboxTables.receipt(c, id)).orElseThrow();
            assertThat(kept.logIndex()).isZero();
            assertThat(Checkpoint.verify(kept.checkpoint(), NoteVerifier.parse(observatory.log().vkey())).size()).isEqualTo(1);
            assertThat(kept.receipt().tlogProof()).startsWith(TlogProof.HEADER);
        }
    }

    @Test
    void a_tampered_proof_is_no_acknowledgement_the_declaration_stays_and_an_alarm_names_it() throws Exception {
        observatory.tamperReceipts(receipt -> withProof(receipt, flipFirstHash(receipt.tlogProof())));
        try (LogCapture logs = new LogCapture();
             ObservatoireSdk sdk = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            sdk.enrol("GOOD");
            UUID id = sdk.closePeriodNow().declaration().id();
            Sdks.await(() -> !logs.errors().isEmpty(), WAIT);

            SdkStatus status = sdk.status();
            assertThat(status.pendingDeclarations()).isEqualTo(1);
            assertThat(status.sentDeclarations()).isZero();
            assertThat(status.quarantinedDeclarations()).isZero();
            Alarm alarm = status.alarm(Alarm.Kind.RECEIPT_UNVERIFIED).orElseThrow();
            assertThat(alarm.declarationId()).isEqualTo(id);
            assertThat(alarm.message()).contains(id.toString()).contains("inclusion proof").contains("n'est pas considérée comme reçue");
            assertThat(status.logCheckpoint()).as("nothing from a bad receipt is trusted").isNull();
            assertThat(logs.errors()).anySatisfy(error -> assertThat(error).contains(id.toString()));

            // The observatory is fixed: the next (slow) retry gets the same receipt, correct this time.
            observatory.tamperReceipts(UnaryOperator.identity());
            assertThat(sdk.flush(WAIT)).isTrue();
            assertThat(sdk.status().sentDeclarations()).isEqualTo(1);
            assertThat(sdk.status().alarms()).as("a verified receipt clears the alarm").isEmpty();
        }
        assertThat(observatory.accepted()).hasSize(1);
    }

    @Test
    void a_checkpoint_signed_by_another_key_is_refused() throws Exception {
        FakeLog impostor = new FakeLog(new NoteSigner(FakeLog.ORIGIN, SigningKey.generate()));
        observatory.tamperReceipts(receipt -> {
            byte[] leaf = observatory.acceptedJws().get(0).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            if (impostor.size() == 0) {
                impostor.append(leaf);
            }
            return withProof(receipt, impostor.tlogProof(0));
        });
        assertUnverified("not signed by the observatory's log key");
    }

    @Test
    void a_proof_for_another_leaf_is_refused() throws Exception {
        // The log already holds someone else's declaration; the receipt proves that leaf instead of ours.
        observatory.log().append("another collectivité's declaration".getBytes());
        observatory.tamperReceipts(receipt -> new Receipt(receipt.declarationId(), receipt.siren(), receipt.sequence(),
                receipt.declarationHash(), receipt.receivedAt(), 0L, observatory.log().tlogProof(0)));
        assertUnverified("does not prove the declaration sent");
    }

    @Test
    void a_receipt_for_other_content_or_without_proof_is_refused() throws Exception {
        observatory.tamperReceipts(receipt -> new Receipt(receipt.declarationId(), receipt.siren(), receipt.sequence(),
                "sha256:" + "0".repeat(64), receipt.receivedAt(), receipt.logIndex(), receipt.tlogProof()));
        assertUnverified("does not match the declaration");
    }

    @Test
    void a_receipt_without_proof_from_an_observatory_with_a_log_is_refused() throws Exception {
        observatory.tamperReceipts(receipt -> new Receipt(receipt.declarationId(), receipt.siren(), receipt.sequence(),
                receipt.declarationHash(), receipt.receivedAt()));
        assertUnverified("carries no inclusion proof");
    }

    @Test
    void an_observatory_without_a_log_is_still_served_as_before() throws Exception {
        try (FakeObservatory legacy = FakeObservatory.withoutLog();
             ObservatoireSdk sdk = Sdks.builder(dataDir, clock, legacy.endpoint()).build()) {
            sdk.enrol("GOOD");
            sdk.closePeriodNow();
            assertThat(sdk.flush(WAIT)).isTrue();
            assertThat(sdk.status().sentDeclarations()).isEqualTo(1);
            assertThat(sdk.status().logCheckpoint()).isNull();
            assertThat(sdk.status().alarms()).isEmpty();
        }
    }

    @Test
    void a_pinned_log_key_that_differs_from_the_enrolment_answer_refuses_the_enrolment() throws Exception {
        String other = new NoteSigner(FakeLog.ORIGIN, SigningKey.generate()).verifier().vkey();
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, clock, observatory.endpoint()).config(b -> b.logKey(other)).build()) {
            assertThatThrownBy(() -> sdk.enrol("GOOD"))
                    .isInstanceOfSatisfying(EnrolmentException.class, e -> assertThat(e.slug()).isEqualTo("log-key-mismatch"))
                    .hasMessageContaining(SdkConfig.Keys.LOG_KEY).hasMessageContaining(other)
                    .hasMessageContaining(observatory.log().vkey()).hasMessageContaining("same code");
            assertThat(sdk.status().enrolled()).isFalse();
        }
        // Pinned right, the same code enrols (the observatory answers the repeat with 200).
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, clock, observatory.endpoint())
                .config(b -> b.logKey(observatory.log().vkey())).build()) {
            sdk.enrol("GOOD");
            sdk.closePeriodNow();
            assertThat(sdk.flush(WAIT)).isTrue();
            assertThat(sdk.status().sentDeclarations()).isEqualTo(1);
        }
        // A pin that contradicts the key kept at enrolment stops the start, naming the key.
        assertThatThrownBy(() -> Sdks.builder(dataDir, clock, observatory.endpoint()).config(b -> b.logKey(other)).build())
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining(SdkConfig.Keys.LOG_KEY);
    }

    @Test
    void an_invalid_pinned_log_key_is_a_configuration_error() {
        assertThatThrownBy(() -> Sdks.builder(dataDir, clock, observatory.endpoint()).config(b -> b.logKey("not a key")).build())
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining(SdkConfig.Keys.LOG_KEY);
    }

    private void assertUnverified(String reason) throws Exception {
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            sdk.enrol("GOOD");
            sdk.closePeriodNow();
            Sdks.await(() -> sdk.status().alarm(Alarm.Kind.RECEIPT_UNVERIFIED).isPresent(), WAIT);
            SdkStatus status = sdk.status();
            assertThat(status.pendingDeclarations()).isEqualTo(1);
            assertThat(status.sentDeclarations()).isZero();
            assertThat(status.alarm(Alarm.Kind.RECEIPT_UNVERIFIED).orElseThrow().message()).contains(reason);
            assertThat(status.lastError()).contains(reason);
        }
        assertThat(Sdks.outbox(dataDir)).extracting(OutboxEntry::state).containsExactly(OutboxEntry.State.PENDING);
    }

    private static Receipt withProof(Receipt receipt, String tlogProof) {
        return new Receipt(receipt.declarationId(), receipt.siren(), receipt.sequence(), receipt.declarationHash(),
                receipt.receivedAt(), receipt.logIndex(), tlogProof);
    }

    /** The same proof with one bit of its first hash flipped (or, for a one-leaf tree, a hash added). */
    private static String flipFirstHash(String text) {
        try {
            TlogProof proof = TlogProof.parse(text);
            List<byte[]> hashes = new ArrayList<>(proof.proof());
            if (hashes.isEmpty()) {
                hashes.add(new byte[32]);
            } else {
                byte[] first = hashes.get(0).clone();
                first[0] ^= 1;
                hashes.set(0, first);
            }
            return new TlogProof(proof.index(), hashes, proof.signedCheckpoint()).text();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
