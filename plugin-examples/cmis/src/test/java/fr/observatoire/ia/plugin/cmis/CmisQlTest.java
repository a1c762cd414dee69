package fr.observatoire.ia.plugin.cmis;

import fr.observatoire.ia.spi.PluginException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** No configured value can change the shape of a query: every string round-trips through escaping. */
class CmisQlTest {
    private static final Instant UNTIL = Instant.parse("2024-06-12T00:00:00Z");

    @Property(tries = 1000)
    void anyStringRoundTripsThroughALiteral(@ForAll("nasty") String value) {
        QlLexer read = QlLexer.read("WHERE p = " + CmisQl.literal(value) + " AND q = 'x'");

        assertThat(read.literals()).containsExactly(value, "x");
        assertThat(read.skeleton()).isEqualTo("WHERE p = ? AND q = ?");
    }

    /** A value that could not travel in a URL intact (a control character, half a surrogate pair) is refused at start instead. */
    @Property(tries = 500)
    void aMarkerValueOrFolderIdNeverChangesTheQuerysShape(@ForAll("nasty") String value, @ForAll("nasty") String folderId)
            throws PluginException {
        boolean sendable = value.codePoints().noneMatch(cp -> Character.isISOControl(cp) || (cp >= 0xD800 && cp <= 0xDFFF));
        if (!sendable) {
            assertThatThrownBy(() -> query(value, folderId)).isInstanceOf(PluginException.class).hasMessageContaining("control character");
            return;
        }
        String query = query(value, folderId);
        String reference = query("plain", "folder");

        QlLexer read = QlLexer.read(query);
        assertThat(read.skeleton()).isEqualTo(QlLexer.read(reference).skeleton());
        assertThat(read.literals()).startsWith(value);
        assertThat(read.literals()).contains(folderId);
    }

    @Example
    void quotesAndBackslashesAreEscapedWithABackslash() {
        assertThat(CmisQl.literal("l'IA")).isEqualTo("'l\\'IA'");
        assertThat(CmisQl.literal("C:\\temp\\")).isEqualTo("'C:\\\\temp\\\\'");
        assertThat(CmisQl.literal("x' OR '1'='1")).isEqualTo("'x\\' OR \\'1\\'=\\'1'");
    }

    @Example
    void timestampsAreUtcWithMilliseconds() {
        assertThat(CmisQl.timestamp(Instant.parse("2024-06-10T08:13:20.123456Z"))).isEqualTo("TIMESTAMP '2024-06-10T08:13:20.123Z'");
        assertThat(CmisQl.timestamp(Instant.parse("2024-06-10T08:13:20Z"))).isEqualTo("TIMESTAMP '2024-06-10T08:13:20.000Z'");
    }

    @Example
    void valuesAreTypedAsCmisQlWantsThem() throws PluginException {
        assertThat(marker("marker.value", "True").literal()).isEqualTo("TRUE");
        assertThat(marker("marker.value", "42").literal()).isEqualTo("42");
        assertThat(marker("marker.value", "42", "marker.value-type", "string").literal()).isEqualTo("'42'");
        assertThat(marker("marker.value", "assistant-ia").literal()).isEqualTo("'assistant-ia'");
        assertThatThrownBy(() -> marker("marker.value", "oui", "marker.value-type", "boolean"))
                .isInstanceOf(PluginException.class).hasMessageContaining("marker.value is not a boolean");
    }

    @Example
    void identifiersThatQlCannotQuoteAreRefused() {
        for (String bad : List.of("ia:generated = TRUE OR 1", "ia-generated", "ia:gen'erated", "", "1ia")) {
            assertThatThrownBy(() -> marker("marker.property", bad)).isInstanceOf(PluginException.class)
                    .hasMessageContaining("observatoire.plugins.cmis.marker.property must be a CMIS query name");
        }
    }

    @Example
    void theAspectIsJoinedOrTestedThroughSecondaryTypes() throws PluginException {
        Marker joined = marker("marker.aspect", "P:ia:assisted");
        assertThat(new DocumentQuery(joined, UNTIL).select(null, Optional.of("f1"))).isEqualTo(
                "SELECT d.cmis:objectId, d.cmis:creationDate FROM cmis:document AS d JOIN P:ia:assisted AS m "
                        + "ON d.cmis:objectId = m.cmis:objectId WHERE m.ia:generated = TRUE AND IN_TREE(d, 'f1') "
                        + "AND d.cmis:creationDate < TIMESTAMP '2024-06-12T00:00:00.000Z' ORDER BY d.cmis:creationDate ASC");

        Marker secondary = marker("marker.aspect", "P:ia:assisted", "marker.aspect-query", "secondary-type-ids", "marker.type", "D:ia:document");
        assertThat(new DocumentQuery(secondary, UNTIL).select(Instant.parse("2024-06-10T00:00:00Z"), Optional.empty())).isEqualTo(
                "SELECT cmis:objectId, cmis:creationDate FROM D:ia:document WHERE ia:generated = TRUE "
                        + "AND ANY cmis:secondaryObjectTypeIds IN ('P:ia:assisted') "
                        + "AND cmis:creationDate >= TIMESTAMP '2024-06-10T00:00:00.000Z' "
                        + "AND cmis:creationDate < TIMESTAMP '2024-06-12T00:00:00.000Z' ORDER BY cmis:creationDate ASC");
    }

    /** Strings full of what breaks quoting: quotes, backslashes, QL keywords, unicode. */
    @Provide
    Arbitrary<String> nasty() {
        Arbitrary<Character> special = Arbitraries.of('\'', '\\', '"', '%', '_', '(', ')', ',', ' ', 'é', '\u00a0', '\u2019');
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars('\'', '\\', 'a', ' ').ofMaxLength(12),
                Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(5).flatMap(word ->
                        special.list().ofMaxSize(8).map(chars -> word + chars.stream().map(String::valueOf).reduce("", String::concat))),
                Arbitraries.of("x' OR '1'='1", "\\'", "\\\\'", "' ORDER BY cmis:name --", "l'IA générative"));
    }

    private static String query(String value, String folderId) throws PluginException {
        Marker marker = marker("marker.value", value, "marker.value-type", "string");
        return new DocumentQuery(marker, UNTIL).select(Instant.parse("2024-06-10T00:00:00Z"), Optional.of(folderId));
    }

    private static Marker marker(String... settings) throws PluginException {
        Map<String, String> map = new java.util.HashMap<>(Map.of("marker.property", "ia:generated", "marker.value", "true"));
        for (int i = 0; i < settings.length; i += 2) {
            map.put(settings[i], settings[i + 1]);
        }
        return Marker.read(TestContext.of(map).config());
    }
}
