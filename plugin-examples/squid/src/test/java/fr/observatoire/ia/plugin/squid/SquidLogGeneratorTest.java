package fr.observatoire.ia.plugin.squid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SquidLogGeneratorTest {

    @Test
    void theSameSeedGivesTheSameLinesAndAnotherSeedOtherLines() {
        assertThat(SquidLogGenerator.withSeed(1).lines(500)).isEqualTo(SquidLogGenerator.withSeed(1).lines(500));
        assertThat(SquidLogGenerator.withSeed(1).lines(500)).isNotEqualTo(SquidLogGenerator.withSeed(2).lines(500));
    }

    @Test
    void itsCountsAgreeWithWhatItWrote() {
        SquidLogGenerator generator = SquidLogGenerator.withSeed(42).aiShare(0.1).garbageShare(0.02);
        StringBuilder out = new StringBuilder();
        SquidLogGenerator.GeneratedLog log;
        try {
            log = generator.write(out, 20_000);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        List<String> lines = generator.lines(20_000);
        AiServiceCatalogue catalogue = AiServiceCatalogue.builtIn();

        long malformed = 0;
        long ai = 0;
        long served = 0;
        Set<String> users = new HashSet<>();
        boolean connect = false;
        boolean get = false;
        boolean anonymous = false;
        boolean decoy = false;
        for (String line : lines) {
            Optional<SquidLogLine> parsed = SquidLineParser.parseLine(line);
            if (parsed.isEmpty()) {
                malformed++;
                continue;
            }
            SquidLogLine l = parsed.get();
            connect |= l.connect();
            get |= !l.connect();
            anonymous |= l.user() == null;
            decoy |= l.host().equals("www.gemini.com");
            if (l.user() != null) {
                users.add(l.user());
            }
            if (catalogue.find(l.host()) != null) {
                ai++;
                if (l.successful()) {
                    served++;
                }
            }
        }
        assertThat(lines).hasSize(20_000);
        assertThat(out.length()).isEqualTo(log.bytes());
        assertThat(malformed).isEqualTo(log.garbageLines()).isPositive();
        assertThat(ai).isEqualTo(log.aiLines()).isBetween(1_500L, 2_500L);
        assertThat(served).isEqualTo(log.aiServed());
        assertThat(log.aiRefused()).isPositive();
        assertThat(users).hasSizeGreaterThan(20);
        assertThat(connect && get && anonymous && decoy).isTrue();
    }

    @Test
    void writesPlainOrGzipByTheFileName(@TempDir Path dir) throws IOException {
        SquidLogGenerator generator = SquidLogGenerator.withSeed(9);
        SquidLogGenerator.GeneratedLog plain = generator.write(dir.resolve("access.log"), 1_000);
        generator.write(dir.resolve("access.log.gz"), 1_000);
        assertThat(Files.size(dir.resolve("access.log"))).isEqualTo(plain.bytes());
        byte[] gz = Files.readAllBytes(dir.resolve("access.log.gz"));
        assertThat(gz[0] & 0xFF).isEqualTo(0x1F);
        assertThat(gz[1] & 0xFF).isEqualTo(0x8B);
        assertThat(gz.length).isLessThan((int) plain.bytes() / 3);
    }

    @Test
    void refusesSharesOutsideZeroToOne() {
        assertThatThrownBy(() -> SquidLogGenerator.withSeed(1).aiShare(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SquidLogGenerator.withSeed(1).garbageShare(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SquidLogGenerator.withSeed(1).users(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
