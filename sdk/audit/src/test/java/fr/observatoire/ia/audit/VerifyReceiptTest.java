package fr.observatoire.ia.audit;

import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.protocol.messages.Receipt;
import fr.observatoire.ia.protocol.tlog.NoteSigner;
import fr.observatoire.ia.protocol.tlog.TlogProof;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VerifyReceiptTest {
    @TempDir
    Path dir;
    TestLog log = TestLog.withDeclarations(4);
    Path declaration;
    Path receipt;
    Path vkey;

    @BeforeEach
    void files() throws Exception {
        declaration = Files.writeString(dir.resolve("declaration.jws"), log.jws(3) + "\n");
        receipt = write("receipt.json", log.receipt(3));
        vkey = Files.writeString(dir.resolve("log.vkey"), log.vkey() + "\n");
    }

    @Test
    void a_declaration_in_the_log_is_verified_in_french_by_default() {
        Cli result = Cli.run("verify-receipt", "--declaration", declaration.toString(), "--receipt", receipt.toString(),
                "--log-key", log.vkey());
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("[OK] Le hash du reçu est celui du contenu signé")
                .contains("[OK] Le point de contrôle (observatoire.test/log, taille 5) est signé")
                .contains("est la feuille 3 de l’arbre de taille 5")
                .contains("VÉRIFIÉ : la déclaration est dans le journal de l’observatoire")
                .doesNotContain("ÉCHEC");
    }

    @Test
    void english_with_lang_or_the_environment_and_the_key_from_a_file() {
        Cli withOption = Cli.run("verify-receipt", "--lang", "en", "--declaration", declaration.toString(),
                "--receipt", receipt.toString(), "--log-key", vkey.toString());
        assertThat(withOption.code()).isZero();
        assertThat(withOption.out()).contains("VERIFIED: the declaration is in the observatory's log (leaf 3 of a tree of 5 entries");
        Cli withEnv = Cli.runWithEnvLang("en_GB.UTF-8", "verify-receipt", "--declaration", declaration.toString(),
                "--receipt", receipt.toString(), "--log-key", vkey.toString());
        assertThat(withEnv.out()).contains("[OK] The receipt's hash is that of the signed content");
        Cli frenchWins = Cli.runWithEnvLang("en_GB.UTF-8", "--lang", "fr", "verify-receipt", "--declaration", declaration.toString(),
                "--receipt", receipt.toString(), "--log-key", vkey.toString());
        assertThat(frenchWins.out()).contains("VÉRIFIÉ");
    }

    @Test
    void a_tampered_inclusion_proof_is_not_verified_and_says_so() throws Exception {
        Receipt good = log.receipt(3);
        TlogProof proof = TlogProof.parse(good.tlogProof());
        List<byte[]> hashes = new ArrayList<>(proof.proof());
        byte[] first = hashes.get(0).clone();
        first[5] ^= 0x40;
        hashes.set(0, first);
        write("receipt.json", withProof(good, new TlogProof(proof.index(), hashes, proof.signedCheckpoint()).text()));

        Cli result = run("en");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).contains("[OK] The checkpoint").contains("[FAILED] The inclusion proof of leaf 3 does not lead to the signed root")
                .contains("NOT VERIFIED");
    }

    @Test
    void a_checkpoint_signed_by_another_key_is_not_verified() throws Exception {
        NoteSigner impostor = new NoteSigner(TestLog.ORIGIN, SigningKey.generate());
        Receipt good = log.receipt(3);
        TlogProof proof = TlogProof.parse(good.tlogProof());
        String forged = impostor.sign(fr.observatoire.ia.protocol.tlog.Checkpoint.parse(
                proof.signedCheckpoint().substring(0, proof.signedCheckpoint().indexOf("\n\n") + 1)).text());
        write("receipt.json", withProof(good, new TlogProof(proof.index(), proof.proof(), forged).text()));

        Cli result = run(null);
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).contains("[ÉCHEC] Le point de contrôle n’est pas signé par la clé du journal").contains("NON VÉRIFIÉ");
    }

    @Test
    void the_receipt_of_another_declaration_is_not_verified() throws Exception {
        write("receipt.json", log.receipt(2));
        Cli result = run("en");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).contains("[FAILED] The receipt's hash").contains("this receipt is for another declaration");
    }

    @Test
    void a_receipt_proving_another_leaf_is_not_verified() throws Exception {
        Receipt other = log.receipt(2);
        Receipt mine = log.receipt(3);
        write("receipt.json", new Receipt(mine.declarationId(), mine.siren(), mine.sequence(), mine.declarationHash(),
                mine.receivedAt(), 2L, other.tlogProof()));
        Cli result = run("en");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).contains("[FAILED] The inclusion proof of leaf 2");
    }

    @Test
    void a_declaration_that_is_no_jws_is_not_verified() throws Exception {
        Files.writeString(declaration, "{\"not\":\"a jws\"}");
        Cli result = run("en");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).contains("[FAILED] The declaration is not a compact declaration JWS");
    }

    @Test
    void usage_errors_exit_with_2() {
        assertThat(Cli.run("verify-receipt", "--declaration", declaration.toString()).code()).as("missing options").isEqualTo(2);
        assertThat(Cli.run().code()).as("no command").isEqualTo(2);
        Cli missingFile = Cli.run("verify-receipt", "--declaration", dir.resolve("nope.jws").toString(), "--receipt",
                receipt.toString(), "--log-key", log.vkey());
        assertThat(missingFile.code()).isEqualTo(2);
        assertThat(missingFile.err()).contains("nope.jws").contains("ne peut être lu");
        Cli badKey = Cli.run("--lang", "en", "verify-receipt", "--declaration", declaration.toString(), "--receipt",
                receipt.toString(), "--log-key", "origin+abcd+AAAA");
        assertThat(badKey.code()).isEqualTo(2);
        assertThat(badKey.err()).contains("not a C2SP verifier key");
    }

    private Cli run(String lang) {
        List<String> args = new ArrayList<>(List.of("verify-receipt", "--declaration", declaration.toString(),
                "--receipt", receipt.toString(), "--log-key", log.vkey()));
        if (lang != null) {
            args.addAll(List.of("--lang", lang));
        }
        return Cli.run(args.toArray(String[]::new));
    }

    private Path write(String name, Receipt value) throws Exception {
        return Files.write(dir.resolve(name), ProtocolJson.write(value));
    }

    private static Receipt withProof(Receipt receipt, String proof) {
        return new Receipt(receipt.declarationId(), receipt.siren(), receipt.sequence(), receipt.declarationHash(),
                receipt.receivedAt(), receipt.logIndex(), proof);
    }
}
