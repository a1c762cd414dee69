package fr.observatoire.ia.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import fr.observatoire.ia.protocol.Hashes;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.JwsException;
import fr.observatoire.ia.protocol.jose.ParsedJws;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.merkle.MerkleHashes;
import fr.observatoire.ia.protocol.merkle.MerkleProofs;
import fr.observatoire.ia.protocol.merkle.ProofException;
import fr.observatoire.ia.protocol.messages.Receipt;
import fr.observatoire.ia.protocol.tlog.Checkpoint;
import fr.observatoire.ia.protocol.tlog.NoteException;
import fr.observatoire.ia.protocol.tlog.NoteVerifier;
import fr.observatoire.ia.protocol.tlog.TlogProof;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Is this declaration in the observatory's log? Checks, in order, what a receipt claims: the declaration's JWS,
 * the receipt's fields against its payload, the checkpoint's signature by the log key, and the inclusion of the
 * exact JWS bytes as the leaf at the receipt's index. Each check needs the previous ones, so the first failure
 * ends the run.
 */
@Command(name = "verify-receipt", mixinStandardHelpOptions = true,
        description = {"Vérifie qu'une déclaration est dans le journal de l'observatoire.",
                "Checks that a declaration is in the observatory's log."})
final class VerifyReceiptCommand implements Callable<Integer> {
    @ParentCommand
    private AuditCli parent;

    @Option(names = "--declaration", required = true, paramLabel = "<file>",
            description = "La déclaration telle qu'envoyée (JWS compact) / the declaration as sent (compact JWS)")
    private Path declaration;

    @Option(names = "--receipt", required = true, paramLabel = "<file>",
            description = "Le reçu de l'observatoire (JSON) / the observatory's receipt (JSON)")
    private Path receipt;

    @Option(names = "--log-key", required = true, paramLabel = "<vkey|file>",
            description = "La clé du journal (clé de vérification C2SP) / the log's C2SP verifier key")
    private String logKey;

    @Override
    public Integer call() throws UsageException {
        Messages messages = parent.messages();
        NoteVerifier key = LogKeyInput.parse(logKey, messages);
        String jwsText = InputFiles.read(declaration, messages).trim();
        String receiptText = InputFiles.read(receipt, messages);
        Report report = parent.report();
        Verdict verdict = verify(jwsText, receiptText, key, report);
        return verdict == null
                ? report.conclude("receipt.verified", "receipt.notVerified")
                : report.conclude("receipt.verified", "receipt.notVerified", verdict.index(), verdict.size(), verdict.root());
    }

    private record Verdict(long index, long size, String root) {
    }

    private static Verdict verify(String jwsText, String receiptText, NoteVerifier key, Report report) {
        ParsedJws jws;
        try {
            jws = Jws.parse(jwsText);
            jws.requireType(Jws.TYP_DECLARATION);
            report.pass("check.jws", jws.kid().orElse("?"));
        } catch (JwsException e) {
            report.fail("check.jws.failed", e.getMessage());
            return null;
        }
        Receipt parsed;
        try {
            parsed = ProtocolJson.mapper().readerFor(Receipt.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(receiptText);
        } catch (IOException e) {
            report.fail("check.receipt.failed", e.getMessage());
            return null;
        }
        if (!fieldsMatch(jws, parsed, report)) {
            return null;
        }
        if (parsed.tlogProof() == null) {
            report.fail("check.proof.missing");
            return null;
        }
        TlogProof proof;
        try {
            proof = TlogProof.parse(parsed.tlogProof());
        } catch (NoteException | RuntimeException e) {
            report.fail("check.proof.malformed", e.getMessage());
            return null;
        }
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.verify(proof.signedCheckpoint(), key);
            report.pass("check.checkpoint", checkpoint.origin(), checkpoint.size(), key.vkey());
        } catch (NoteException e) {
            report.fail("check.checkpoint.failed", key.vkey(), e.getMessage());
            return null;
        }
        if (parsed.logIndex() != null && parsed.logIndex() != proof.index()) {
            report.fail("check.index.failed", parsed.logIndex(), proof.index());
            return null;
        }
        byte[] leafHash = MerkleHashes.leafHash(jwsText.getBytes(StandardCharsets.US_ASCII));
        try {
            MerkleProofs.verifyInclusion(proof.index(), checkpoint.size(), leafHash, proof.proof(), checkpoint.rootHash());
        } catch (ProofException e) {
            report.fail("check.inclusion.failed", proof.index(), e.getMessage());
            return null;
        }
        String root = Base64.getEncoder().encodeToString(checkpoint.rootHash());
        report.pass("check.inclusion", proof.index(), checkpoint.size(), root);
        return new Verdict(proof.index(), checkpoint.size(), root);
    }

    /** The receipt must name this declaration: its hash (over the payload bytes), id, sequence and declarant. */
    private static boolean fieldsMatch(ParsedJws jws, Receipt receipt, Report report) {
        String hash = Hashes.declarationHash(jws.payload());
        if (!hash.equals(receipt.declarationHash())) {
            report.fail("check.hash.failed", receipt.declarationHash(), hash);
            return false;
        }
        report.pass("check.hash", hash);
        JsonNode payload;
        try {
            payload = ProtocolJson.mapper().readTree(jws.payload());
        } catch (IOException e) {
            report.fail("check.payload.failed", e.getMessage());
            return false;
        }
        String id = payload.path("id").asText(null);
        long sequence = payload.path("sequence").asLong(-1);
        String siren = payload.path("declarant").path("siren").asText(null);
        if (!Objects.equals(id, String.valueOf(receipt.declarationId())) || sequence != receipt.sequence()
                || !Objects.equals(siren, receipt.siren())) {
            report.fail("check.fields.failed", receipt.declarationId(), receipt.sequence(), receipt.siren(), id, sequence, siren);
            return false;
        }
        report.pass("check.fields", id, sequence, siren);
        return true;
    }
}
