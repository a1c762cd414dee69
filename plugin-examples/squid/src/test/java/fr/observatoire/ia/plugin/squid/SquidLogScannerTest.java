package fr.observatoire.ia.plugin.squid;

import fr.observatoire.ia.model.LossCount;
import fr.observatoire.ia.model.LossReason;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.model.SourceReport;
import fr.observatoire.ia.model.SourceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SquidLogScannerTest {
    private static final String CHATGPT = "1718000000.123    245 10.1.2.3 TCP_TUNNEL/200 5230 CONNECT chatgpt.com:443 - HIER_DIRECT/104.18.32.47 -";
    private static final String DEEPL = "1718000001.456     12 10.1.3.4 TCP_MISS/200 1532 GET http://www.deepl.com/translator jdupont HIER_DIRECT/1.2.3.4 text/html";
    private static final String CLAUDE = "1718000002.000    100 10.1.2.9 TCP_TUNNEL/200 999 CONNECT claude.ai:443 mmartin HIER_DIRECT/160.79.104.10 -";
    private static final String OTHER = "1718000003.000     30 10.1.2.3 TCP_TUNNEL/200 999 CONNECT www.service-public.fr:443 jdupont HIER_DIRECT/1.1.1.1 -";
    private static final String DENIED = "1718000004.000      0 10.1.2.3 TCP_DENIED/403 3900 CONNECT grok.com:443 jdupont HIER_NONE/- text/html";
    private static final String DECOY = "1718000005.000     30 10.1.2.3 TCP_TUNNEL/200 999 CONNECT www.gemini.com:443 jdupont HIER_DIRECT/1.1.1.1 -";

    @TempDir
    Path dir;

    private final RecordingObservatory observatory = new RecordingObservatory();
    private final SubnetServiceMap subnets = subnets("10.1.2.0/24 CIVIL_REGISTRY\n10.1.3.0/24 FINANCE\n");
    private final SquidLogScanner scanner = new SquidLogScanner(observatory, AiServiceCatalogue.builtIn(), subnets);

    @Test
    void countsAccessesToAiServicesPerServiceOfTheCollectivite() throws IOException {
        Path log = write("access.log", CHATGPT, DEEPL, CLAUDE, OTHER, DENIED, DECOY, CHATGPT);

        ScanResult result = scanner.scan(log);

        assertThat(result.linesRead()).isEqualTo(7);
        assertThat(result.matched()).isEqualTo(4);
        assertThat(result.refused()).isEqualTo(1);
        assertThat(result.malformed()).isZero();
        assertThat(result.counts()).containsExactly(
                new UsageCount("chatgpt", Service.CIVIL_REGISTRY, 2),
                new UsageCount("claude", Service.CIVIL_REGISTRY, 1),
                new UsageCount("deepl", Service.FINANCE, 1));
        assertThat(observatory.count("chatgpt", Service.CIVIL_REGISTRY)).isEqualTo(2);
        assertThat(observatory.count("deepl", Service.FINANCE)).isEqualTo(1);
        assertThat(observatory.count("claude", Service.CIVIL_REGISTRY)).isEqualTo(1);
        assertThat(observatory.total("grok")).as("a denied request is not a use").isZero();
        assertThat(observatory.total()).isEqualTo(4);
        assertThat(result.earliest()).isEqualTo(Instant.ofEpochMilli(1_718_000_000_123L));
        assertThat(result.latest()).isEqualTo(Instant.ofEpochMilli(1_718_000_005_000L));
        assertThat(result.complete()).isTrue();
        assertThat(result.rotationDetected()).isFalse();
    }

    @Test
    void handsTheUserOrElseTheClientAddressToAgentActive() throws IOException {
        Path log = write("access.log", CHATGPT, DEEPL, CLAUDE, OTHER);

        scanner.scan(log);

        assertThat(observatory.agentsOf("chatgpt")).containsExactly("10.1.2.3");
        assertThat(observatory.agentsOf("deepl")).containsExactly("jdupont");
        assertThat(observatory.agentsOf("claude")).containsExactly("mmartin");
        assertThat(observatory.agents).hasSize(3);
    }

    @Test
    void asksForEachCounterHandleOnceAndReusesIt() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            lines.add(i % 2 == 0 ? CHATGPT : DEEPL);
        }
        Path log = write("access.log", lines.toArray(String[]::new));

        scanner.scan(log);
        scanner.scan(log);

        assertThat(observatory.handleLookups.get()).isEqualTo(2);
        assertThat(observatory.total()).isEqualTo(2000);
    }

    @Test
    void garbageIsCountedAndSkippedNotFatal() throws IOException {
        Path log = dir.resolve("access.log");
        try (OutputStream out = Files.newOutputStream(log)) {
            out.write((CHATGPT + "\n").getBytes(StandardCharsets.US_ASCII));
            out.write("complete nonsense\n".getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[] {0, 1, 2, (byte) 0xFF, (byte) 0xFE, ' ', 'x', '\n'});
            out.write("\n\r\n".getBytes(StandardCharsets.US_ASCII)); // blank lines are not lines
            out.write(("1718000000.123 245 10.1.2.3 TCP_TUNNEL/200 5230 CONNECT chatgpt.com:443\n").getBytes(StandardCharsets.US_ASCII));
            out.write((DEEPL + "\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] huge = new byte[600_000]; // a "line" longer than any buffer
            Arrays.fill(huge, (byte) 'z');
            out.write(huge);
            out.write('\n');
            out.write((CLAUDE + "\n").getBytes(StandardCharsets.US_ASCII));
        }

        ScanResult result = scanner.scan(log);

        assertThat(result.malformed()).isEqualTo(4);
        assertThat(result.matched()).isEqualTo(3);
        assertThat(result.linesRead()).isEqualTo(7);
        assertThat(result.cursor().offset()).isEqualTo(Files.size(log));
        assertThat(observatory.agentsOf("deepl")).containsExactly("jdupont"); // the \r is not part of the user
        assertThat(result.malformedLoss()).isEqualTo(new LossCount(LossReason.MALFORMED_INPUT, "squid", 4));
        assertThat(result.sourceReport("1.0").status()).isEqualTo(SourceStatus.OK);
    }

    @Test
    void aPartialLastLineIsLeftForTheNextScan() throws IOException {
        Path log = write("access.log", CHATGPT);
        Files.writeString(log, DEEPL.substring(0, 40), StandardOpenOption.APPEND);

        ScanResult first = scanner.scan(log);
        assertThat(first.matched()).isEqualTo(1);
        assertThat(first.cursor().offset()).isEqualTo(CHATGPT.length() + 1);
        assertThat(first.bytesConsumed()).isEqualTo(CHATGPT.length() + 1);

        Files.writeString(log, DEEPL.substring(40) + "\n", StandardOpenOption.APPEND);
        ScanResult second = scanner.scan(log, first.cursor());
        assertThat(second.matched()).isEqualTo(1);
        assertThat(second.malformed()).isZero();
        assertThat(second.count("deepl")).isEqualTo(1);
        assertThat(second.cursor().offset()).isEqualTo(Files.size(log));
    }

    @Test
    void resumingFromTheCursorCountsEachLineExactlyOnce() throws IOException {
        SquidLogGenerator generator = SquidLogGenerator.withSeed(7).aiShare(0.2).garbageShare(0.01);
        Path log = dir.resolve("access.log");
        SquidLogGenerator.GeneratedLog firstHalf = generator.write(log, 3_000);

        ScanResult first = scanner.scan(log, ScanCursor.START);
        SquidLogGenerator.GeneratedLog secondHalf = SquidLogGenerator.withSeed(8).aiShare(0.2).garbageShare(0.01)
                .startMillis(firstHalf.lastMillis()).append(log, 3_000);
        ScanResult second = scanner.scan(log, first.cursor());
        ScanResult third = scanner.scan(log, second.cursor());

        assertThat(first.matched()).isEqualTo(firstHalf.aiServed());
        assertThat(second.matched()).isEqualTo(secondHalf.aiServed());
        assertThat(third.linesRead()).isZero();
        assertThat(third.cursor()).isEqualTo(second.cursor());
        assertThat(first.linesRead() + second.linesRead()).isEqualTo(6_000);
        assertThat(first.malformed() + second.malformed()).isEqualTo(firstHalf.garbageLines() + secondHalf.garbageLines());
        assertThat(observatory.total()).isEqualTo(firstHalf.aiServed() + secondHalf.aiServed());

        // The same file scanned in one go by a fresh scanner gives the same totals.
        RecordingObservatory fresh = new RecordingObservatory();
        ScanResult whole = new SquidLogScanner(fresh, AiServiceCatalogue.builtIn(), subnets).scan(log);
        assertThat(fresh.activity.keySet()).isEqualTo(observatory.activity.keySet());
        fresh.activity.forEach((key, value) -> assertThat(observatory.activity.get(key).get()).isEqualTo(value.get()));
        assertThat(whole.cursor()).isEqualTo(second.cursor());
    }

    @Test
    void readsGzipFilesRecognisedByTheirMagicBytes() throws IOException {
        Path gz = dir.resolve("access.log.2.gz");
        SquidLogGenerator.GeneratedLog generated = SquidLogGenerator.withSeed(3).garbageShare(0.01).write(gz, 5_000);
        Path disguised = dir.resolve("access.log.2"); // a compressed file without the .gz name
        Files.copy(gz, disguised);

        ScanResult result = scanner.scan(gz);
        ScanResult again = new SquidLogScanner(new RecordingObservatory(), AiServiceCatalogue.builtIn(), subnets).scan(disguised);

        assertThat(result.linesRead()).isEqualTo(5_000);
        assertThat(result.matched()).isEqualTo(generated.aiServed());
        assertThat(result.refused()).isEqualTo(generated.aiRefused());
        assertThat(result.malformed()).isEqualTo(generated.garbageLines());
        assertThat(result.cursor().offset()).isEqualTo(generated.bytes());
        assertThat(again.matched()).isEqualTo(result.matched());
        // Scanning the archive again from its cursor reads nothing.
        assertThat(scanner.scan(gz, result.cursor()).linesRead()).isZero();
    }

    @Test
    void theLastLineOfAGzipCountsEvenWithoutALineEnd() throws IOException {
        Path gz = dir.resolve("access.log.1.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write((CHATGPT + "\n" + DEEPL).getBytes(StandardCharsets.US_ASCII));
        }
        ScanResult result = scanner.scan(gz);
        assertThat(result.matched()).isEqualTo(2);
        assertThat(result.cursor().offset()).isEqualTo(CHATGPT.length() + 1 + DEEPL.length());
    }

    @Test
    void aTruncatedGzipKeepsWhatWasCountedAndSaysWhy() throws IOException {
        Path gz = dir.resolve("access.log.1.gz");
        SquidLogGenerator.withSeed(5).write(gz, 20_000);
        byte[] whole = Files.readAllBytes(gz);
        Files.write(gz, Arrays.copyOf(whole, whole.length / 2));

        ScanResult result = scanner.scan(gz);

        assertThat(result.complete()).isFalse();
        assertThat(result.problem()).contains("access.log.1.gz");
        assertThat(result.linesRead()).isGreaterThan(1_000).isLessThan(20_000);
        assertThat(result.cursor().offset()).isEqualTo(result.bytesConsumed());
        assertThat(observatory.total()).isEqualTo(result.matched());
        SourceReport report = result.sourceReport("1.0");
        assertThat(report.status()).isEqualTo(SourceStatus.DEGRADED);
        assertThat(report.records()).isEqualTo(result.matched());
        assertThat(report.problem()).contains("access.log.1.gz");
    }

    @Test
    void aLogRenamedByLogrotateIsFinishedBeforeTheNewOneIsRead() throws IOException {
        Path log = write("access.log", CHATGPT, DEEPL);
        ScanResult first = scanner.scan(log);
        assertThat(first.cursor().fileId()).as("inode recorded on this file system").startsWith("ino:");

        // Squid writes two more lines, then logrotate renames the file and Squid opens a new one.
        Files.writeString(log, CLAUDE + "\n" + CHATGPT + "\n", StandardOpenOption.APPEND);
        Files.move(log, dir.resolve("access.log.1"));
        write("access.log", DEEPL, OTHER);
        write("access.log.2", CLAUDE, CLAUDE, CLAUDE); // an older rotation: not ours

        ScanResult second = scanner.scan(log, first.cursor());

        assertThat(second.rotationDetected()).isTrue();
        assertThat(second.matched()).isEqualTo(3); // CLAUDE + CHATGPT from access.log.1, DEEPL from the new log
        assertThat(second.count("claude")).isEqualTo(1);
        assertThat(second.cursor().offset()).isEqualTo(Files.size(log));
        assertThat(second.cursor().fileId()).isNotEqualTo(first.cursor().fileId());
        assertThat(observatory.total()).isEqualTo(2 + 3);

        ScanResult third = scanner.scan(log, second.cursor());
        assertThat(third.rotationDetected()).isFalse();
        assertThat(third.linesRead()).isZero();
    }

    @Test
    void aLogRotatedAndCompressedIsFoundByItsContent() throws IOException {
        Path log = write("access.log", CHATGPT, DEEPL);
        ScanResult first = scanner.scan(log);
        Files.writeString(log, CLAUDE + "\n", StandardOpenOption.APPEND);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("access.log.1.gz")))) {
            Files.copy(log, out);
        }
        Files.delete(log);
        write("access.log", OTHER);

        ScanResult second = scanner.scan(log, first.cursor());

        assertThat(second.rotationDetected()).isTrue();
        assertThat(second.counts()).containsExactly(new UsageCount("claude", Service.CIVIL_REGISTRY, 1));
        assertThat(second.linesRead()).isEqualTo(2);
    }

    @Test
    void aLogTruncatedInPlaceAndRewrittenIsReadFromItsStart() throws IOException {
        // logrotate copytruncate: same inode, new content, possibly already longer than the old cursor.
        Path log = write("access.log", CHATGPT);
        ScanResult first = scanner.scan(log);
        Files.writeString(log, DEEPL + "\n" + CLAUDE + "\n" + OTHER + "\n", StandardOpenOption.TRUNCATE_EXISTING);
        assertThat(Files.size(log)).isGreaterThan(first.cursor().offset());

        ScanResult second = scanner.scan(log, first.cursor());

        assertThat(second.rotationDetected()).isTrue();
        assertThat(second.matched()).isEqualTo(2);
        assertThat(second.count("deepl")).isEqualTo(1);
        assertThat(second.count("chatgpt")).isZero();
    }

    @Test
    void aLogThatShrankIsReadFromItsStart() throws IOException {
        Path log = write("access.log", CHATGPT, DEEPL, CLAUDE);
        ScanResult first = scanner.scan(log);
        // same first line, fewer bytes than the cursor
        Files.write(log, (CHATGPT + "\n").getBytes(StandardCharsets.US_ASCII), StandardOpenOption.TRUNCATE_EXISTING);

        ScanResult second = scanner.scan(log, first.cursor());

        assertThat(second.rotationDetected()).isTrue();
        assertThat(second.matched()).isEqualTo(1);
        assertThat(second.cursor().offset()).isEqualTo(CHATGPT.length() + 1);
    }

    @Test
    void aLogMovedWithItsContentIsNotCountedTwice() throws IOException {
        Path log = write("access.log", CHATGPT, DEEPL);
        ScanResult first = scanner.scan(log);
        // restored from a backup: new inode, same bytes
        byte[] content = Files.readAllBytes(log);
        Files.delete(log);
        Files.write(log, content);

        ScanResult second = scanner.scan(log, first.cursor());

        assertThat(second.rotationDetected()).isFalse();
        assertThat(second.linesRead()).isZero();
    }

    @Test
    void reportsProgressUpToTheFileSize() throws IOException {
        Path log = dir.resolve("access.log");
        SquidLogGenerator.withSeed(11).write(log, 150_000);
        long size = Files.size(log);
        List<long[]> reports = new ArrayList<>();

        scanner.scan(log, ScanCursor.START, (done, total) -> reports.add(new long[] {done, total}));

        assertThat(size).isGreaterThan(16L << 20);
        assertThat(reports).hasSizeGreaterThan(2);
        assertThat(reports).allSatisfy(r -> assertThat(r[1]).isEqualTo(size));
        assertThat(reports.get(reports.size() - 1)[0]).isEqualTo(size);
        for (int i = 1; i < reports.size(); i++) {
            assertThat(reports.get(i)[0]).isGreaterThanOrEqualTo(reports.get(i - 1)[0]);
        }
    }

    @Test
    void aMissingFileThrowsBeforeCountingAnything() {
        assertThatThrownBy(() -> scanner.scan(dir.resolve("nope.log"))).isInstanceOf(NoSuchFileException.class);
        assertThat(observatory.total()).isZero();
    }

    @Test
    void anEmptyLogGivesAnEmptyResult() throws IOException {
        Path log = write("access.log");
        ScanResult result = scanner.scan(log);
        assertThat(result.linesRead()).isZero();
        assertThat(result.cursor().offset()).isZero();
        assertThat(result.earliest()).isNull();
        assertThat(scanner.scan(log, result.cursor()).linesRead()).isZero();
    }

    @Test
    void aLocalCatalogueChangesWhatIsCounted() throws IOException {
        AiServiceCatalogue catalogue = AiServiceCatalogue.builtIn().extendedWith(new StringReader("""
                @version 1
                @remove chatgpt
                service-public | Assistant SP | DILA | EU_CLOUD | CITIZEN_CHATBOT | service-public.fr
                """), "local.txt");
        Path log = write("access.log", CHATGPT, OTHER);

        ScanResult result = new SquidLogScanner(observatory, catalogue, subnets).scan(log);

        assertThat(result.counts()).containsExactly(new UsageCount("service-public", Service.CIVIL_REGISTRY, 1));
    }

    @Test
    void cursorsSurviveTheirTextForm() throws IOException {
        Path log = write("access.log", CHATGPT, DEEPL);
        ScanCursor cursor = scanner.scan(log).cursor();

        assertThat(ScanCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(ScanCursor.decode(ScanCursor.START.encode())).isEqualTo(ScanCursor.START);
        assertThatThrownBy(() -> ScanCursor.decode("squid-cursor/1 ino:1 10 20 0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScanCursor.decode("hello")).isInstanceOf(IllegalArgumentException.class);
    }

    private Path write(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII);
        return file;
    }

    private static SubnetServiceMap subnets(String text) {
        try {
            return SubnetServiceMap.parse(new StringReader(text), "test", Service.TRANSVERSAL);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
