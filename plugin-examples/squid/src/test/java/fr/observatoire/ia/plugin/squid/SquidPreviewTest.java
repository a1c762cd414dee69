package fr.observatoire.ia.plugin.squid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SquidPreviewTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void generatesThenPreviewsALogWithoutPrintingAddressesOrUsers() throws IOException {
        Path log = dir.resolve("access.log");
        assertThat(run("generate", log.toString(), "2000", "5")).isZero();
        Path subnets = dir.resolve("subnets.txt");
        Files.writeString(subnets, "10.1.2.0/24 CIVIL_REGISTRY\n");

        assertThat(run("scan", log.toString(), "--subnets", subnets.toString())).isZero();

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("lines 2000").contains("chatgpt").contains("CIVIL_REGISTRY").contains("SHADOW")
                .contains("cursor squid-cursor/1");
        assertThat(printed).doesNotContainPattern("\\b10\\.\\d+\\.\\d+\\.\\d+\\b").doesNotContainPattern("172\\.16\\.");
        for (String line : Files.readAllLines(log)) {
            SquidLineParser.parseLine(line).map(SquidLogLine::user).ifPresent(user -> assertThat(printed).doesNotContain(" " + user));
        }
    }

    @Test
    void badUsageAndBadFilesGiveAnErrorAndAStatus() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("scan", dir.resolve("missing.log").toString())).isEqualTo(1);
        assertThat(run("scan", "x", "--colour", "blue")).isEqualTo(2);
        assertThat(run("generate", "x", "many")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:").contains("missing.log").contains("--colour");
    }

    private int run(String... args) {
        return SquidPreview.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
