package fr.observatoire.ia.plugin.squid;

import fr.observatoire.ia.api.ActivityCounter;
import fr.observatoire.ia.api.Observatory;
import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.Inventory;
import fr.observatoire.ia.model.Service;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No IP address and no user name of the log appears in anything the plugin returns, prints or keeps: they are
 * handed to the subnet map and to {@code Observatory.agentActive} (the SDK pseudonymises them) and nowhere else.
 */
class PrivacyTest {
    @TempDir
    Path dir;

    private final RecordingObservatory observatory = new RecordingObservatory();
    private SquidLogScanner scanner;
    private Path log;
    /** Every client address and user name in the log. */
    private final Set<String> personal = new TreeSet<>();

    @BeforeEach
    void generateAndScanALog() throws IOException {
        log = dir.resolve("access.log");
        SquidLogGenerator.withSeed(2026).aiShare(0.2).garbageShare(0.01).write(log, 5_000);
        for (String line : Files.readAllLines(log)) {
            SquidLineParser.parseLine(line).ifPresent(l -> {
                personal.add(l.clientAddress());
                if (l.user() != null) {
                    personal.add(l.user());
                }
            });
        }
        assertThat(personal).as("the log has users and addresses to leak").hasSizeGreaterThan(50);
        SubnetServiceMap subnets = SubnetServiceMap.parse(new StringReader("10.1.2.0/24 CIVIL_REGISTRY\n10.2.0.0/16 FINANCE\n"),
                "subnets", Service.TRANSVERSAL);
        scanner = new SquidLogScanner(observatory, AiServiceCatalogue.builtIn(), subnets);
    }

    @Test
    void theResultTheCursorAndTheInventoryHoldNoAddressAndNoUserName() throws IOException {
        ScanResult result = scanner.scan(log);
        List<AiUsage> usages = ShadowAiInventory.usages(scanner.catalogue(), result);
        Inventory inventory = ShadowAiInventory.merge(Inventory.empty(), usages);
        assertThat(result.matched()).isPositive();
        assertThat(usages).isNotEmpty();

        List<String> texts = new ArrayList<>();
        texts.add(result.toString());
        texts.add(result.cursor().encode());
        texts.add(inventory.toString());
        texts.add(scanner.catalogue().toString());
        texts.addAll(strings(result));
        texts.addAll(strings(inventory));

        assertThat(leaks(texts)).isEmpty();
    }

    @Test
    void theScannerKeepsNoAddressAndNoUserNameAfterScanning() throws IOException {
        scanner.scan(log);
        scanner.scan(log, ScanCursor.START); // a second pass, in case something accumulates

        assertThat(leaks(strings(scanner))).isEmpty();
    }

    @Test
    void addressesAndUserNamesGoOnlyToAgentActiveAndOnlyForAiServices() throws IOException {
        ScanResult result = scanner.scan(log);

        Set<String> catalogueIds = scanner.catalogue().services().stream().map(AiService::id).collect(Collectors.toSet());
        assertThat(observatory.activity.keySet()).allSatisfy(key -> assertThat(catalogueIds).contains(key.usageId()));
        assertThat(observatory.agents).hasSize((int) result.matched());
        assertThat(observatory.agents).allSatisfy(pair -> {
            assertThat(catalogueIds).contains(pair[0]);
            assertThat(personal).contains(pair[1]);
        });
    }

    @Test
    void aParsedLinePrintsNeitherAddressNorUser() throws IOException {
        for (String line : Files.readAllLines(log)) {
            SquidLineParser.parseLine(line).ifPresent(l -> assertThat(leaks(List.of(l.toString()))).isEmpty());
        }
    }

    private List<String> leaks(Collection<String> texts) {
        List<String> found = new ArrayList<>();
        for (String text : texts) {
            for (String value : personal) {
                if (containsToken(text, value)) {
                    found.add(value + " in " + (text.length() > 200 ? text.substring(0, 200) + "..." : text));
                }
            }
        }
        return found;
    }

    /** {@code value} in {@code text}, not as part of a longer address or name (10.1.2.3 inside 10.1.2.30 is not it). */
    private static boolean containsToken(String text, String value) {
        for (int i = text.indexOf(value); i >= 0; i = text.indexOf(value, i + 1)) {
            int end = i + value.length();
            boolean startOk = i == 0 || !isTokenChar(text.charAt(i - 1));
            boolean endOk = end == text.length() || !isTokenChar(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTokenChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == ':';
    }

    /**
     * Every string reachable from {@code root} through the plugin's own objects, collections, maps and arrays
     * (byte and char arrays decoded), not through the observatory, whose job is to receive them.
     */
    private static List<String> strings(Object root) {
        List<String> out = new ArrayList<>();
        walk(root, out, Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    private static void walk(Object o, List<String> out, Set<Object> seen) {
        if (o == null || o instanceof Observatory || o instanceof ActivityCounter || !seen.add(o)) {
            return;
        }
        if (o instanceof String s) {
            out.add(s);
        } else if (o instanceof byte[] bytes) {
            out.add(new String(bytes, StandardCharsets.ISO_8859_1));
        } else if (o instanceof char[] chars) {
            out.add(new String(chars));
        } else if (o instanceof Object[] array) {
            for (Object element : array) {
                walk(element, out, seen);
            }
        } else if (o instanceof Collection<?> collection) {
            for (Object element : collection) {
                walk(element, out, seen);
            }
        } else if (o instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                walk(entry.getKey(), out, seen);
                walk(entry.getValue(), out, seen);
            }
        } else if (o.getClass().getPackageName().startsWith("fr.observatoire.ia") && !o.getClass().isEnum()) {
            for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) && !c.getPackageName().equals("fr.observatoire.ia.plugin.squid")) {
                        continue;
                    }
                    if (field.getType().isPrimitive()) {
                        continue;
                    }
                    try {
                        field.setAccessible(true);
                        walk(field.get(o), out, seen);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        throw new AssertionError("cannot inspect " + field, e);
                    }
                }
            }
        }
    }
}
