package fr.observatoire.ia.audit;

import com.github.tomakehurst.wiremock.WireMockServer;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.merkle.MerkleHashes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

class AuditLogTest {
    @TempDir
    Path dir;
    TestLog log = TestLog.withDeclarations(6);

    @Test
    void an_intact_log_consistent_with_the_checkpoints_seen_is_verified() throws Exception {
        save(log.leaves, log.signedCheckpoint(log.leaves.size()));
        Path seen = Files.writeString(dir.resolve("seen.txt"), log.signedCheckpoint(2) + "\n" + log.signedCheckpoint(5));

        Cli result = Cli.run("audit-log", "--offline", dir.toString(), "--log-key", log.vkey(), "--checkpoints", seen.toString());

        assertThat(result.code()).as(result.out()).isZero();
        assertThat(result.out()).contains("[OK] La racine recalculée sur les 7 entrées est celle du point de contrôle signé")
                .contains("Les 7 entrées sont lisibles : 6 JWS, 1 déclarations JSON")
                .contains("(taille 2) est cohérent").contains("(taille 5) est cohérent")
                .contains("VÉRIFIÉ : le journal de l’observatoire (7 entrées)");
    }

    @Test
    void a_published_entry_that_differs_from_what_was_signed_is_caught() throws Exception {
        List<String> published = new ArrayList<>(log.leaves);
        published.set(3, log.leaves.get(4));
        save(published, log.signedCheckpoint(log.leaves.size()));

        Cli result = Cli.run("audit-log", "--lang", "en", "--offline", dir.toString(), "--log-key", log.vkey());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).contains("[FAILED] The root recomputed over the 7 entries is NOT that of the signed checkpoint")
                .contains("NOT VERIFIED");
    }

    @Test
    void a_checkpoint_seen_before_from_another_history_reveals_a_rewrite() throws Exception {
        save(log.leaves, log.signedCheckpoint(log.leaves.size()));
        List<String> otherHistory = new ArrayList<>(log.leaves);
        otherHistory.set(1, "{\"forged\":true}");
        List<String> longer = new ArrayList<>(log.leaves);
        longer.addAll(List.of("{\"removed\":1}", "{\"removed\":2}"));
        Path seen = Files.writeString(dir.resolve("seen.txt"), log.signedCheckpoint(otherHistory, 3) + log.signedCheckpoint(longer, 9));

        Cli result = Cli.run("audit-log", "--lang", "en", "--offline", dir.toString(), "--log-key", log.vkey(),
                "--checkpoints", seen.toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).contains("[OK] The root recomputed")
                .contains("[FAILED] The checkpoint seen before (size 3) does NOT have the current log's root")
                .contains("[FAILED] A checkpoint seen before states 9 entries, more than the current log (7)");
    }

    @Test
    void entries_published_by_hash_only_still_rebuild_the_tree_and_a_false_hash_is_caught() throws Exception {
        List<Object> entries = new ArrayList<>();
        for (int i = 0; i < log.leaves.size(); i++) {
            String hash = Base64.getEncoder().encodeToString(MerkleHashes.leafHash(log.leaves.get(i).getBytes(StandardCharsets.UTF_8)));
            entries.add(i % 2 == 0 ? Map.of("index", i, "leafHash", hash) : Map.of("index", i, "leafHash", hash, "data", log.leaves.get(i)));
        }
        Files.write(dir.resolve(DirectoryLogSource.ENTRIES), ProtocolJson.write(entries));
        Files.writeString(dir.resolve(DirectoryLogSource.CHECKPOINT), log.signedCheckpoint(log.leaves.size()));
        Cli good = Cli.run("audit-log", "--lang", "en", "--offline", dir.toString(), "--log-key", log.vkey());
        assertThat(good.code()).as(good.out()).isZero();
        assertThat(good.out()).contains("3 JWS, 0 JSON statements of the observatory, 4 published by their hash only");

        entries.set(1, Map.of("index", 1, "leafHash", Base64.getEncoder().encodeToString(new byte[32]), "data", log.leaves.get(1)));
        Files.write(dir.resolve(DirectoryLogSource.ENTRIES), ProtocolJson.write(entries));
        Cli lying = Cli.run("audit-log", "--lang", "en", "--offline", dir.toString(), "--log-key", log.vkey());
        assertThat(lying.code()).isEqualTo(1);
        assertThat(lying.out()).contains("entry 1: the stated hash is not that of the published data");
    }

    @Test
    void the_log_is_downloaded_page_by_page_from_the_observatory() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        try {
            String checkpoint = log.signedCheckpoint(log.leaves.size());
            server.stubFor(get(urlPathEqualTo("/api/v1/log/checkpoint")).willReturn(aResponse().withBody(checkpoint)));
            for (int start = 0; start < log.leaves.size(); start += 3) {
                List<String> page = log.leaves.subList(start, Math.min(log.leaves.size(), start + 3));
                server.stubFor(get(urlPathEqualTo("/api/v1/log/entries")).withQueryParam("start",
                                com.github.tomakehurst.wiremock.client.WireMock.equalTo(String.valueOf(start)))
                        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(log.entriesJson(page))));
            }

            Cli result = Cli.run("audit-log", "--server", server.baseUrl(), "--log-key", log.vkey(), "--page-size", "3");

            assertThat(result.code()).as(result.out()).isZero();
            assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/api/v1/log/entries")))).hasSize(3);
        } finally {
            server.stop();
        }
    }

    @Test
    void an_unreachable_observatory_is_not_verified_and_usage_errors_exit_with_2() {
        Cli unreachable = Cli.run("audit-log", "--server", "http://127.0.0.1:9", "--log-key", log.vkey());
        assertThat(unreachable.code()).isEqualTo(1);
        assertThat(unreachable.out()).contains("Le journal ne peut être téléchargé");
        assertThat(Cli.run("audit-log", "--log-key", log.vkey()).code()).as("no source").isEqualTo(2);
        assertThat(Cli.run("audit-log", "--server", "http://x", "--offline", dir.toString(), "--log-key", log.vkey()).code())
                .as("two sources").isEqualTo(2);
        assertThat(Cli.run("audit-log", "--offline", dir.toString(), "--log-key", log.vkey(), "--checkpoints",
                dir.resolve("missing.txt").toString()).code()).isEqualTo(2);
    }

    private void save(List<String> entries, String checkpoint) throws Exception {
        Files.writeString(dir.resolve(DirectoryLogSource.ENTRIES), log.entriesJson(entries));
        Files.writeString(dir.resolve(DirectoryLogSource.CHECKPOINT), checkpoint);
    }
}
