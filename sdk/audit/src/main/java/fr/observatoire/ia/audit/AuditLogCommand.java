package fr.observatoire.ia.audit;

import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.JwsException;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.merkle.InMemorySubtreeHashes;
import fr.observatoire.ia.protocol.merkle.MerkleTree;
import fr.observatoire.ia.protocol.tlog.Checkpoint;
import fr.observatoire.ia.protocol.tlog.NoteException;
import fr.observatoire.ia.protocol.tlog.NoteVerifier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Audits the whole log: downloads every entry up to the latest signed checkpoint, recomputes the Merkle root and
 * compares it with the signed one, checks that every checkpoint the auditor saw before has the root the log now
 * has at that size (so the observatory did not rewrite history since), and that every entry's content parses.
 * Signatures of the declarations are not checked: that needs the collectivités' enrolled keys.
 */
@Command(name = "audit-log", mixinStandardHelpOptions = true,
        description = {"Audite tout le journal de l'observatoire.", "Audits the observatory's whole log."})
final class AuditLogCommand implements Callable<Integer> {
    /** How many failing entries are listed one by one; beyond, only counted. */
    private static final int LISTED_FAILURES = 10;

    @ParentCommand
    private AuditCli parent;

    @ArgGroup(multiplicity = "1")
    private Source source;

    static final class Source {
        @Option(names = "--server", paramLabel = "<url>",
                description = "L'adresse de l'observatoire / the observatory's base URL")
        String server;

        @Option(names = "--offline", paramLabel = "<dir>",
                description = "Un journal enregistré : fichiers 'checkpoint' et 'entries.json' / a saved log: files 'checkpoint' and 'entries.json'")
        Path offline;
    }

    @Option(names = "--log-key", required = true, paramLabel = "<vkey|file>",
            description = "La clé du journal (clé de vérification C2SP) / the log's C2SP verifier key")
    private String logKey;

    @Option(names = "--checkpoints", paramLabel = "<file>",
            description = "Des points de contrôle signés déjà vus, à la suite / signed checkpoints seen before, one after another")
    private Path checkpoints;

    @Option(names = "--page-size", defaultValue = "500", paramLabel = "<n>",
            description = "Entrées par requête / entries per request (default ${DEFAULT-VALUE})")
    private int pageSize;

    @Override
    public Integer call() throws UsageException {
        Messages messages = parent.messages();
        NoteVerifier key = LogKeyInput.parse(logKey, messages);
        List<String> seen = checkpoints == null ? List.of() : SignedNotes.split(InputFiles.read(checkpoints, messages));
        if (pageSize < 1) {
            throw new UsageException(messages.get("usage.pageSize", pageSize));
        }
        LogSource log = source.server != null ? new HttpLogSource(source.server) : new DirectoryLogSource(source.offline);
        Report report = parent.report();
        Checkpoint latest = latestCheckpoint(log, key, report);
        if (latest == null) {
            return report.conclude("log.verified", "log.notVerified");
        }
        InMemorySubtreeHashes hashes = download(log, latest.size(), report);
        if (hashes == null) {
            return report.conclude("log.verified", "log.notVerified");
        }
        MerkleTree tree = new MerkleTree(hashes);
        if (MessageDigest.isEqual(tree.root(latest.size()), latest.rootHash())) {
            report.pass("log.root", latest.size());
        } else {
            report.fail("log.root.failed", latest.size());
        }
        for (String note : seen) {
            checkSeen(note, key, tree, latest.size(), report);
        }
        return report.conclude("log.verified", "log.notVerified", latest.size());
    }

    private static Checkpoint latestCheckpoint(LogSource log, NoteVerifier key, Report report) {
        String note;
        try {
            note = log.checkpoint();
        } catch (IOException e) {
            report.fail("log.download.failed", e.getMessage());
            return null;
        }
        try {
            Checkpoint checkpoint = Checkpoint.verify(note, key);
            report.pass("log.checkpoint", checkpoint.origin(), checkpoint.size(), key.vkey());
            return checkpoint;
        } catch (NoteException e) {
            report.fail("check.checkpoint.failed", key.vkey(), e.getMessage());
            return null;
        }
    }

    /** Downloads the entries up to {@code size}, page by page, hashing them into a tree and checking their content. */
    private InMemorySubtreeHashes download(LogSource log, long size, Report report) {
        InMemorySubtreeHashes hashes = new InMemorySubtreeHashes();
        EntryTally tally = new EntryTally();
        while (hashes.size() < size) {
            List<LogEntry> page;
            try {
                page = log.entries(hashes.size(), (int) Math.min(pageSize, size - hashes.size()));
            } catch (IOException e) {
                report.fail("log.download.failed", e.getMessage());
                return null;
            }
            if (page.isEmpty()) {
                report.fail("log.short", hashes.size(), size);
                return null;
            }
            for (LogEntry entry : page.subList(0, (int) Math.min(page.size(), size - hashes.size()))) {
                tally.check(hashes.size(), entry, report);
                hashes.append(entry.hash());
            }
        }
        tally.summarise(size, report);
        return hashes;
    }

    /** A checkpoint seen earlier must have the root the log has now at its size. */
    private static void checkSeen(String note, NoteVerifier key, MerkleTree tree, long logSize, Report report) {
        Checkpoint seen;
        try {
            seen = Checkpoint.verify(note, key);
        } catch (NoteException e) {
            report.fail("log.seen.unsigned", e.getMessage());
            return;
        }
        if (seen.size() > logSize) {
            report.fail("log.seen.beyond", seen.size(), logSize);
        } else if (seen.size() == 0 || MessageDigest.isEqual(tree.root(seen.size()), seen.rootHash())) {
            report.pass("log.seen", seen.size());
        } else {
            report.fail("log.seen.inconsistent", seen.size());
        }
    }

    /** Counts entries by what they hold, and lists the first few that are wrong. */
    private static final class EntryTally {
        private long jws;
        private long statements;
        private long hashOnly;
        private final List<String> failures = new ArrayList<>();
        private long failed;

        void check(long index, LogEntry entry, Report report) {
            if (!entry.hashMatchesData()) {
                failed(index, report.messages().get("log.entry.hash"), report);
            } else if (entry.data() == null) {
                hashOnly++;
            } else if (entry.data().startsWith("{")) {
                parseStatement(index, entry.data(), report);
            } else {
                parseJws(index, entry.data(), report);
            }
        }

        private void parseJws(long index, String data, Report report) {
            try {
                Jws.parse(data);
                jws++;
            } catch (JwsException e) {
                failed(index, e.getMessage(), report);
            }
        }

        private void parseStatement(long index, String data, Report report) {
            try {
                ProtocolJson.mapper().readTree(data);
                statements++;
            } catch (IOException e) {
                failed(index, e.getMessage(), report);
            }
        }

        private void failed(long index, String why, Report report) {
            failed++;
            if (failures.size() < LISTED_FAILURES) {
                failures.add(report.messages().get("log.entry.failed", index, why));
            }
        }

        void summarise(long size, Report report) {
            if (failed == 0) {
                report.pass("log.entries", size, jws, statements, hashOnly);
                return;
            }
            report.fail("log.entries.failed", failed, size);
            failures.forEach(line -> report.info("log.line", line));
        }
    }
}
