package fr.observatoire.ia.protocol.merkle;

import com.fasterxml.jackson.databind.JsonNode;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The transparency-dev/merkle vectors: every valid proof verifies, every {@code wantErr} proof is refused. */
class MerkleVectorsTest {

    @TestFactory
    Stream<DynamicTest> inclusionVectors() throws Exception {
        return vectors("inclusion").map(file -> DynamicTest.dynamicTest(name(file), () -> {
            JsonNode v = read(file);
            ThrowingCheck check = () -> MerkleProofs.verifyInclusion(v.get("leafIdx").asLong(), v.get("treeSize").asLong(),
                    bytes(v.get("leafHash")), hashes(v.get("proof")), bytes(v.get("root")));
            assertOutcome(v, check);
        }));
    }

    @TestFactory
    Stream<DynamicTest> consistencyVectors() throws Exception {
        return vectors("consistency").map(file -> DynamicTest.dynamicTest(name(file), () -> {
            JsonNode v = read(file);
            ThrowingCheck check = () -> MerkleProofs.verifyConsistency(v.get("size1").asLong(), v.get("size2").asLong(),
                    bytes(v.get("root1")), bytes(v.get("root2")), hashes(v.get("proof")));
            assertOutcome(v, check);
        }));
    }

    private interface ThrowingCheck {
        void run() throws ProofException;
    }

    private static void assertOutcome(JsonNode vector, ThrowingCheck check) {
        if (vector.get("wantErr").asBoolean()) {
            assertThatThrownBy(check::run).as(vector.get("desc").asText()).isInstanceOf(ProofException.class);
        } else {
            assertThatCode(check::run).as(vector.get("desc").asText()).doesNotThrowAnyException();
        }
    }

    private static Stream<Path> vectors(String kind) throws URISyntaxException, IOException {
        Path root = Path.of(MerkleVectorsTest.class.getResource("/testvectors/merkle/" + kind).toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(50);
        return files.stream();
    }

    private static String name(Path file) {
        return file.getParent().getFileName() + "/" + file.getFileName();
    }

    private static JsonNode read(Path file) throws IOException {
        return ProtocolJson.mapper().readTree(Files.readAllBytes(file));
    }

    private static byte[] bytes(JsonNode node) {
        return node == null || node.isNull() ? null : Base64.getDecoder().decode(node.asText());
    }

    private static List<byte[]> hashes(JsonNode node) {
        List<byte[]> out = new ArrayList<>();
        if (node != null && !node.isNull()) {
            node.forEach(h -> out.add(bytes(h)));
        }
        return out;
    }
}
